/**
 * Realistic account documents for the autosave benchmark: Tiptap JSON as Debrief's editor
 * produces it — a heading per guiding prompt, paragraphs with bold, italic, inline code and
 * links, bullet and numbered lists, a quote, a log excerpt in a code block — of 5–20 KB of JSON.
 * Deterministic: the same (client, save) always gives the same document, and every save differs
 * from the one before (its first paragraph names the save), so the check afterwards can tell
 * which save an account holds.
 */
import type { DocMark, DocNode } from "../../lib/editor/doc";

export const MIN_DOC_BYTES = 5 * 1024;
export const MAX_DOC_BYTES = 20 * 1024;

const PROMPTS = [
  "What I was doing when I first noticed",
  "What I saw",
  "What I did and why it made sense at the time",
  "What I knew and did not know",
  "What surprised me",
  "What helped",
  "What got in the way",
];

const SENTENCES = [
  "I was halfway through reviewing a pull request when the pager went off for elevated checkout latency.",
  "The dashboard showed p99 latency climbing from 300 ms to well over four seconds within a couple of minutes.",
  "At first it looked like the usual Monday traffic bump, so I waited one more refresh before acting.",
  "The error rate on the payments service was flat, which made me doubt the alert was real.",
  "I opened the deploy log and saw that a configuration change had rolled out to the edge twenty minutes earlier.",
  "Nobody in the channel had mentioned the change, and the runbook did not list it as a likely cause.",
  "I rolled back the edge configuration because it was the only change I could see in the window.",
  "Latency recovered partially, which at the time felt like confirmation, but the queue kept growing.",
  "I did not know that the retry budget had been raised the week before, so every timeout was retried three times.",
  "What surprised me most was how quiet the database metrics were while the application was struggling.",
  "Having the incident channel pinned with the current hypothesis helped everyone avoid repeating checks.",
  "The status page tool asked me to sign in again in the middle of the incident, which cost several minutes.",
  "Two of us were looking at different dashboards with different time ranges and briefly talked past each other.",
  "Once we scaled the worker pool the backlog drained in about eleven minutes and alerts cleared.",
  "In hindsight the signal was there in the connection pool graph, but it was three clicks away from the main view.",
  "I asked the on-call for the identity team to join because the login errors looked related.",
  "It made sense to keep the feature flag on because turning it off had caused an outage last quarter.",
  "The alert thresholds were tuned for a smaller fleet and fired late for this traffic pattern.",
];

const LOG_LINES = [
  "2026-11-20T14:02:11Z WARN checkout-api upstream timeout after 2000ms host=pay-7",
  "2026-11-20T14:02:12Z INFO edge-proxy config reload ok version=4812",
  "2026-11-20T14:02:15Z ERROR worker queue depth=18234 lag=412s",
  "2026-11-20T14:02:19Z WARN pool exhausted waiting=64 max=50 db=orders",
];

const LINKS = ["https://grafana.example.com/d/checkout-latency", "https://logs.example.com/search?q=checkout-api", "https://wiki.example.com/runbooks/edge-config"];

/** A small seeded pseudo-random generator (mulberry32), so documents are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (value: string, marks?: DocMark[]): DocNode => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const paragraph = (content: DocNode[]): DocNode => ({ type: "paragraph", content });

function richParagraph(rand: () => number, sentences: number): DocNode {
  const pick = () => SENTENCES[Math.floor(rand() * SENTENCES.length)]!;
  const parts: DocNode[] = [];
  for (let i = 0; i < sentences; i++) {
    const r = rand();
    if (r < 0.12) parts.push(text(pick(), [{ type: "bold" }]));
    else if (r < 0.22) parts.push(text(pick(), [{ type: "italic" }]));
    else if (r < 0.3) parts.push(text("see the dashboard", [{ type: "link", attrs: { href: LINKS[i % LINKS.length], target: "_blank", rel: "noopener noreferrer nofollow", class: null } }]));
    else if (r < 0.36) parts.push(text("retry_budget=3", [{ type: "code" }]));
    else parts.push(text(pick()));
    parts.push(text(" "));
  }
  parts.pop();
  return paragraph(parts);
}

function list(rand: () => number, ordered: boolean): DocNode {
  const items = 2 + Math.floor(rand() * 4);
  return {
    type: ordered ? "orderedList" : "bulletList",
    ...(ordered ? { attrs: { start: 1, type: null } } : {}),
    content: Array.from({ length: items }, () => ({ type: "listItem", content: [richParagraph(rand, 1 + Math.floor(rand() * 2))] })),
  };
}

function block(rand: () => number): DocNode {
  const r = rand();
  if (r < 0.55) return richParagraph(rand, 2 + Math.floor(rand() * 4));
  if (r < 0.7) return list(rand, false);
  if (r < 0.8) return list(rand, true);
  if (r < 0.9) return { type: "blockquote", content: [richParagraph(rand, 1)] };
  if (r < 0.95) return { type: "codeBlock", attrs: { language: null }, content: [text(LOG_LINES.join("\n"))] };
  return paragraph([text(SENTENCES[Math.floor(rand() * SENTENCES.length)]!), { type: "hardBreak" }, text("(more to add after checking the logs)", [{ type: "italic" }])]);
}

/** The size a client's documents hover around: spread evenly over 5–20 KB across the clients. */
export function targetBytes(client: number, clients: number): number {
  return Math.round(MIN_DOC_BYTES + ((MAX_DOC_BYTES - MIN_DOC_BYTES) * (client % clients)) / Math.max(1, clients - 1));
}

/**
 * Save number `save` of client `client`: headings for the prompts with content under each,
 * filled up to about `bytes` of JSON (± 1 KB from save to save, as a document does while
 * someone types and edits), never over MAX_DOC_BYTES.
 */
export function accountDocument(client: number, save: number, bytes: number): DocNode {
  const rand = random(client * 7919 + save);
  const target = Math.min(MAX_DOC_BYTES - 300, Math.max(MIN_DOC_BYTES, bytes + Math.round((rand() - 0.5) * 2048)));
  const content: DocNode[] = [paragraph([text(`Draft of responder ${client + 1}, save ${save}. `, [{ type: "bold" }]), text(SENTENCES[save % SENTENCES.length]!)])];
  let size = JSON.stringify({ type: "doc", content }).length;
  for (let i = 0; size < target; i++) {
    const next = i % 4 === 0 ? { type: "heading" as const, attrs: { level: 2 }, content: [text(PROMPTS[(i / 4) % PROMPTS.length]!)] } : block(rand);
    const add = JSON.stringify(next).length + 1;
    if (size + add > MAX_DOC_BYTES - 300) break;
    content.push(next);
    size += add;
  }
  return { type: "doc", content };
}

/**
 * The demo group session: the review "Search results stale for six hours" sits in GROUP with its
 * accounts revealed. This adds what a session in progress has — personal entries that diverge
 * (so the merged timeline shows each kind of divergence), a shared timeline with key moments,
 * findings in several categories linked to it, prepared questions, a parking-lot topic and a
 * comment thread with a mention (and its notice).
 */
import type { Tx } from "./client";
import { narrativeDocumentName } from "../collaboration/document-name";
import { narrativeStateFromJson } from "../collaboration/narrative-snapshot";
import { docText, type DocNode } from "../editor/doc";

const MIN = 60_000;

/** Personal entries beside those of demo-accounts.ts, written into the responders' accounts. */
const MORE_PERSONAL: { email: string; minutes: number; kind: "OBSERVATION" | "ALERT"; text: string }[] = [
  // Minutes after the broker restart Sam noted, Taylor remembers something else: described differently.
  { email: "responder3@example.com", minutes: 2, kind: "OBSERVATION", text: "Indexer logged a rebalance warning, then went quiet" },
  // Riley and Sam at the same moment, seeing different things.
  { email: "responder1@example.com", minutes: 242, kind: "OBSERVATION", text: "Search prices still wrong after the CDN purge" },
];

type Shared = { key: string; minutes: number; kind: "OBSERVATION" | "ACTION" | "ALERT" | "COMMUNICATION"; text: string; keyMoment?: "DETECTION" | "DIAGNOSIS" | "REPAIR" | "OTHER"; sources: string[] };

/** Shared entries; sources name personal entries by their text. */
const SHARED: Shared[] = [
  { key: "restart", minutes: 0, kind: "OBSERVATION", text: "Kafka broker restarted in the maintenance window; the indexer's consumer group rebalanced", keyMoment: "OTHER", sources: ["Broker restart during the maintenance window", "Indexer logged a rebalance warning, then went quiet"] },
  { key: "ticket", minutes: 180, kind: "COMMUNICATION", text: "Support escalates a ticket: search prices differ from product pages", keyMoment: "DETECTION", sources: ["Support escalated a price mismatch ticket"] },
  { key: "lag", minutes: 230, kind: "ALERT", text: "Lag alert found firing in #search-legacy since the morning; consumer lag at 2.1 million", keyMoment: "DIAGNOSIS", sources: ["Found the lag alert firing in #search-legacy since the morning", "Indexer consumer lag at 2.1 million messages"] },
  { key: "fix", minutes: 250, kind: "ACTION", text: "Indexer restarted; lag draining", keyMoment: "REPAIR", sources: ["Restarted the indexer; lag draining"] },
  { key: "caught-up", minutes: 360, kind: "OBSERVATION", text: "Index fully caught up", sources: ["Index fully caught up"] },
];

const FINDINGS: { category: "CONTRIBUTING_TECHNICAL" | "CONTRIBUTING_HUMAN" | "KNOWLEDGE_GAP" | "OPERATIONAL_SURPRISE" | "WENT_WELL"; title: string; description: string; evidence: string[] }[] = [
  {
    category: "CONTRIBUTING_TECHNICAL",
    title: "The indexer's health check reports healthy while it consumes nothing",
    description: "The check asks whether the process is up, not whether it makes progress, so six hours of idling looked healthy.",
    evidence: ["restart", "fix"],
  },
  {
    category: "CONTRIBUTING_HUMAN",
    title: "The lag alert went to a channel nobody reads since the team split",
    description: "Alert routing was not part of the checklist when the search team split in two.",
    evidence: ["lag"],
  },
  {
    category: "KNOWLEDGE_GAP",
    title: "Few people knew the indexer lag graph existed",
    description: "Riley looked for a cache problem first; the graph that showed the lag was not linked from the search dashboard.",
    evidence: ["ticket"],
  },
  {
    category: "OPERATIONAL_SURPRISE",
    title: "A consumer-group rebalance can leave the indexer idle without an error",
    description: "",
    evidence: ["restart"],
  },
  {
    category: "WENT_WELL",
    title: "Once the lag was visible, the fix took ten minutes",
    description: "Restarting the indexer drained the lag without data loss.",
    evidence: ["fix"],
  },
];

/** Adds the session in progress to the demo review (inside the seed's transaction). */
export async function seedDemoSession(tx: Tx, review: { id: string; title: string }, users: Map<string, string>, startedAt: Date): Promise<void> {
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * MIN);
  const accounts = await tx.responderAccount.findMany({ where: { reviewId: review.id }, select: { id: true, authorId: true } });
  for (const p of MORE_PERSONAL) {
    const authorId = users.get(p.email)!;
    const account = accounts.find((a) => a.authorId === authorId);
    if (!account) continue;
    await tx.timelineEntry.create({
      data: { reviewId: review.id, accountId: account.id, authorId, occurredAt: at(p.minutes), timezone: "Europe/Berlin", description: p.text, kind: p.kind },
    });
  }
  const personal = await tx.timelineEntry.findMany({ where: { reviewId: review.id, accountId: { not: null } }, select: { id: true, description: true } });
  const idOf = (text: string) => personal.find((e) => e.description === text)?.id;

  const facilitatorId = users.get("facilitator@example.com")!;
  const shared = new Map<string, string>();
  for (const s of SHARED) {
    const entry = await tx.timelineEntry.create({
      data: {
        reviewId: review.id,
        accountId: null,
        authorId: facilitatorId,
        occurredAt: at(s.minutes),
        timezone: "Europe/Berlin",
        description: s.text,
        kind: s.kind,
        keyMoment: s.keyMoment ?? null,
        sourceEntryIds: s.sources.map(idOf).filter((id): id is string => Boolean(id)),
      },
    });
    shared.set(s.key, entry.id);
  }
  for (const f of FINDINGS) {
    await tx.finding.create({
      data: {
        reviewId: review.id,
        category: f.category,
        title: f.title,
        description: f.description,
        createdById: facilitatorId,
        evidence: { create: f.evidence.map((key) => ({ timelineEntryId: shared.get(key)! })) },
      },
    });
  }
  await tx.sessionItem.createMany({
    data: [
      { reviewId: review.id, kind: "QUESTION", text: "What did each of you expect the indexer's health check to tell you?", createdById: facilitatorId, createdAt: at(-60) },
      { reviewId: review.id, kind: "QUESTION", text: "How do alerts end up in #search-legacy, and who still reads it?", createdById: facilitatorId, createdAt: at(-59) },
      { reviewId: review.id, kind: "PARKING_LOT", text: "Check which other alerts still route to channels of teams that no longer exist", createdById: users.get("responder3@example.com")!, createdAt: at(-58) },
    ],
  });
  await tx.review.update({ where: { id: review.id }, data: { sessionStep: "divergences" } });

  const taylorId = users.get("responder3@example.com")!;
  const lagEntry = shared.get("lag")!;
  const question = await tx.comment.create({
    data: { reviewId: review.id, targetType: "TIMELINE_ENTRY", targetId: lagEntry, authorId: facilitatorId, body: "@Taylor Responder do you remember when the lag alert first fired?" },
  });
  await tx.comment.create({
    data: { reviewId: review.id, targetType: "TIMELINE_ENTRY", targetId: lagEntry, parentId: question.id, authorId: taylorId, body: "About twelve minutes after the broker restart, going by the channel history." },
  });
  await tx.notification.create({
    data: {
      userId: taylorId,
      reviewId: review.id,
      type: "comment.mention",
      title: `Fran Facilitator mentioned you in “${review.title}”`,
      body: "On the shared timeline entry: “@Taylor Responder do you remember when the lag alert first fired?”",
      url: `/reviews/${review.id}/session#comment-${question.id}`,
    },
  });
  // The narrative the group has started to write together.
  const narrative: DocNode = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What happened" }] },
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "During the maintenance window a Kafka broker restarted. The search indexer's consumer group rebalanced, logged one warning and stopped consuming — while its health check kept reporting healthy.",
          },
        ],
      },
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "For almost six hours nobody saw the lag: the alert that would have shown it was routed to a channel nobody reads since the search team split. A customer support ticket about prices brought it to light.",
          },
        ],
      },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "How it looked at the time" }] },
      { type: "paragraph", content: [{ type: "text", text: "(The group is still writing this part.)", marks: [{ type: "italic" }] }] },
    ],
  };
  const name = narrativeDocumentName(review.id);
  const state = narrativeStateFromJson(narrative);
  await tx.collabDocument.create({ data: { name, reviewId: review.id, state: Uint8Array.from(state), json: narrative as object, text: docText(narrative) } });
}

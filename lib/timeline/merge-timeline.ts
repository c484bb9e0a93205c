/**
 * The merged timeline: every revealed account's personal entries interleaved by time, each
 * attributed (the caller has already applied anonymisation to the names), with the places where
 * the accounts diverge, so the facilitator can put them on the agenda. Pure: no I/O.
 *
 * Divergences, in plain rules (every threshold is an option, defaults below):
 *
 * - DESCRIBED_DIFFERENTLY — the same moment described differently: two entries by different
 *   authors, at most 5 minutes apart, of the same kind, whose descriptions share few words (token
 *   overlap below 0.3). "Same kind" because people doing different things at the same minute (one
 *   restarts a pod, another posts in chat) is normal, not a disagreement; alerts and observations
 *   count as one kind — both are what someone saw. A pair is not flagged when the two authors
 *   agree on something else at that moment (either has an entry matching the other's): extra
 *   detail is not a contradiction. Pairs sharing entries form one divergence.
 * - SEEN_BY_ONE — an event one person saw and others did not: an alert or observation by one
 *   author with no matching entry (overlap ≥ 0.3, any kind) by anyone else within 15 minutes,
 *   while someone else was active (had an entry within 30 minutes) — nobody can be expected to
 *   have seen what happened while they were not involved. Only when two or more authors have
 *   timelines, and not for entries already part of a DESCRIBED_DIFFERENTLY divergence.
 * - GAP — a large gap: consecutive entries more than 30 minutes apart and more than 3× the
 *   median gap of the merged timeline.
 */

export type TimelineKindName = "OBSERVATION" | "ACTION" | "DECISION" | "COMMUNICATION" | "ALERT";

/** A personal timeline entry with its author as the viewer may see them. */
export type AttributedEntry = {
  id: string;
  occurredAt: Date;
  timezone: string;
  description: string;
  kind: TimelineKindName;
  evidenceUrl: string | null;
  /** The account it belongs to: tells authors apart without naming them. */
  accountId: string;
  /** `name` is "Responder A" where the viewer may not see who wrote it. */
  author: { id: string | null; name: string; label: string };
  /** Whether the viewer wrote it. */
  own: boolean;
};

export type DivergenceKind = "DESCRIBED_DIFFERENTLY" | "SEEN_BY_ONE" | "GAP";

export type Divergence = {
  /** Stable while the entries it involves exist (personal entries are frozen after the reveal). */
  id: string;
  kind: DivergenceKind;
  entryIds: string[];
  from: Date;
  to: Date;
  /** The authors involved, as the viewer may see them. */
  authors: string[];
  summary: string;
};

export type MergedEntry = AttributedEntry & { divergenceIds: string[] };

export type MergeOptions = {
  /** The zone times in summaries are written in. */
  timeZone?: string;
  /** How far apart two entries may be and still describe the same moment. */
  sameMomentMs?: number;
  /** Token overlap (0–1) at or above which two descriptions tell the same thing. */
  similarity?: number;
  /** How far to look for someone else's matching entry before calling something seen by one. */
  seenWindowMs?: number;
  /** Someone counts as active at a time when they have an entry this close to it. */
  activeWindowMs?: number;
  /** A gap is large above this length… */
  gapMinMs?: number;
  /** …and above this many times the median gap. */
  gapFactor?: number;
};

const MIN = 60_000;
export const MERGE_DEFAULTS = {
  timeZone: "UTC",
  sameMomentMs: 5 * MIN,
  similarity: 0.3,
  seenWindowMs: 15 * MIN,
  activeWindowMs: 30 * MIN,
  gapMinMs: 30 * MIN,
  gapFactor: 3,
} satisfies Required<MergeOptions>;

const STOPWORDS = new Set(
  "a an and are as at be been but by did do does for from had has have he her his i if in into is it its me my no not of on or our she so than that the their them then there they this to up us was we were what when which while who with you your after before still since about all any just".split(
    " ",
  ),
);

/** The content words of a description, lightly stemmed ("restarted", "restarts" → "restart"). */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 2 || STOPWORDS.has(raw)) continue;
    let t = raw;
    for (const suffix of ["ing", "ed", "es", "s"]) {
      if (t.endsWith(suffix) && t.length - suffix.length >= 3 && !t.endsWith("ss")) {
        t = t.slice(0, -suffix.length);
        break;
      }
    }
    if (t.endsWith("e") && t.length > 3) t = t.slice(0, -1);
    out.add(t);
  }
  return out;
}

/** Token overlap of two descriptions (Dice coefficient): 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.size && !tb.size) return 1;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / (ta.size + tb.size);
}

const family = (kind: TimelineKindName) => (kind === "ALERT" || kind === "OBSERVATION" ? "SEEN" : kind);

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function hhmm(date: Date, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
    timeFormats.set(timeZone, f);
  }
  return f.format(date);
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function duration(ms: number): string {
  const mins = Math.round(ms / MIN);
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

const quote = (text: string) => `“${text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text}”`;

/** A short, stable id from the kind and the entries involved. */
function divergenceId(kind: DivergenceKind, entryIds: string[]): string {
  let h = 5381;
  for (const ch of `${kind}:${[...entryIds].sort().join(",")}`) h = ((h * 33) ^ ch.charCodeAt(0)) >>> 0;
  return `${kind.toLowerCase().replace(/_/g, "-")}-${h.toString(36)}`;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Interleaves the entries by time and finds where the accounts diverge. */
export function mergeTimeline(input: AttributedEntry[], options: MergeOptions = {}): { entries: MergedEntry[]; divergences: Divergence[] } {
  const o = { ...MERGE_DEFAULTS, ...options };
  const entries = [...input].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.accountId.localeCompare(b.accountId) || a.id.localeCompare(b.id));
  const at = (i: number) => entries[i]!.occurredAt.getTime();
  const sims = new Map<string, number>();
  const sim = (i: number, j: number) => {
    const key = i < j ? `${i}:${j}` : `${j}:${i}`;
    let s = sims.get(key);
    if (s === undefined) sims.set(key, (s = similarity(entries[i]!.description, entries[j]!.description)));
    return s;
  };
  /** Indexes of entries within `windowMs` of entry i, by other authors. */
  const near = (i: number, windowMs: number) => {
    const out: number[] = [];
    for (let j = 0; j < entries.length; j++) {
      if (j !== i && entries[j]!.accountId !== entries[i]!.accountId && Math.abs(at(j) - at(i)) <= windowMs) out.push(j);
    }
    return out;
  };
  const divergences: Divergence[] = [];
  const make = (kind: DivergenceKind, idx: number[], summary: string): Divergence => {
    const involved = idx.map((i) => entries[i]!);
    const authors = [...new Map(involved.map((e) => [e.accountId, e.author.name])).values()];
    const entryIds = involved.map((e) => e.id);
    return { id: divergenceId(kind, entryIds), kind, entryIds, from: involved[0]!.occurredAt, to: involved[involved.length - 1]!.occurredAt, authors, summary };
  };

  // (a) The same moment described differently, grouped with union-find.
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const sameFamilyNear = (i: number) => near(i, o.sameMomentMs).filter((j) => family(entries[j]!.kind) === family(entries[i]!.kind));
  const matchedBy = (i: number, accountId: string) => sameFamilyNear(i).some((j) => entries[j]!.accountId === accountId && sim(i, j) >= o.similarity);
  const paired = new Set<number>();
  for (let i = 0; i < entries.length; i++) {
    for (const j of sameFamilyNear(i)) {
      if (j <= i || sim(i, j) >= o.similarity) continue;
      if (matchedBy(i, entries[j]!.accountId) || matchedBy(j, entries[i]!.accountId)) continue;
      parent[find(j)] = find(i);
      paired.add(i).add(j);
    }
  }
  const groups = new Map<number, number[]>();
  for (const i of [...paired].sort((a, b) => a - b)) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  for (const idx of groups.values()) {
    const d = make("DESCRIBED_DIFFERENTLY", idx, "");
    d.summary = `${listNames(d.authors)} describe ${hhmm(d.from, o.timeZone)} differently`;
    divergences.push(d);
  }

  // (b) Seen by one author only, while others were active.
  const authorCount = new Set(entries.map((e) => e.accountId)).size;
  if (authorCount >= 2) {
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (family(e.kind) !== "SEEN" || paired.has(i)) continue;
      const active = near(i, o.activeWindowMs);
      if (!active.length) continue;
      if (near(i, o.seenWindowMs).some((j) => sim(i, j) >= o.similarity)) continue;
      const others = [...new Map(active.map((j) => [entries[j]!.accountId, entries[j]!.author.name])).values()];
      divergences.push(
        make(
          "SEEN_BY_ONE",
          [i],
          `Only ${e.author.name} recorded ${quote(e.description)} at ${hhmm(e.occurredAt, o.timeZone)}; ${listNames(others)} ${others.length > 1 ? "were" : "was"} active then and did not`,
        ),
      );
    }
  }

  // (c) Large gaps.
  const gaps = entries.slice(1).map((_, k) => at(k + 1) - at(k));
  if (gaps.length >= 2) {
    const typical = median(gaps);
    gaps.forEach((gap, k) => {
      if (gap > o.gapMinMs && gap > o.gapFactor * typical) {
        const d = make("GAP", [k, k + 1], "");
        d.summary = `Nothing recorded for ${duration(gap)}, between ${hhmm(d.from, o.timeZone)} and ${hhmm(d.to, o.timeZone)}`;
        divergences.push(d);
      }
    });
  }

  divergences.sort((a, b) => a.from.getTime() - b.from.getTime() || a.kind.localeCompare(b.kind));
  const byEntry = new Map<string, string[]>();
  for (const d of divergences) for (const id of d.entryIds) byEntry.set(id, [...(byEntry.get(id) ?? []), d.id]);
  return { entries: entries.map((e) => ({ ...e, divergenceIds: byEntry.get(e.id) ?? [] })), divergences };
}

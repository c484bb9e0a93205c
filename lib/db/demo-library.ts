/**
 * The demo library: a few dozen published reviews across the three demo teams and many services
 * (lib/db/demo-library-stories-*.ts) — each with its incident, participants, summary, impact and
 * tags, a shared timeline with key moments, a narrative (a real collaborative document), findings
 * in every category with their actions (in different states) or "no action needed" reasons, and
 * its search document — so the library, related reviews and the insights are worth looking at.
 * The published review of the base demo ("Refund e-mails sent twice") gets the same content.
 */
import { generateKeyBetween } from "fractional-indexing";
import { narrativeDocumentName } from "../collaboration/document-name";
import { narrativeStateFromJson } from "../collaboration/narrative-snapshot";
import { docText, type DocNode } from "../editor/doc";
import { upsertSearchDocument } from "../library/search-document";
import type { ParticipantRole } from "../policies/types";
import type { Tx } from "./client";
import { PAYMENTS_STORIES, REFUND_EMAILS } from "./demo-library-stories-payments";
import { PLATFORM_STORIES } from "./demo-library-stories-platform";
import { SEARCH_STORIES } from "./demo-library-stories-search";
import type { DemoStory } from "./demo-library-types";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Paragraphs, "## " headings and "- " bullet lines as a Tiptap document. */
export function storyDoc(blocks: string[]): DocNode {
  const text = (t: string): DocNode[] => (t ? [{ type: "text", text: t }] : []);
  const content: DocNode[] = [];
  for (const block of blocks) {
    if (block.startsWith("## ")) content.push({ type: "heading", attrs: { level: 2 }, content: text(block.slice(3)) });
    else if (block.startsWith("- ")) {
      const items = block.split("\n").map((l) => ({ type: "listItem" as const, content: [{ type: "paragraph" as const, content: text(l.replace(/^- /, "")) }] }));
      content.push({ type: "bulletList", content: items });
    } else content.push({ type: "paragraph", content: text(block) });
  }
  return { type: "doc", content };
}

type Ids = { users: Map<string, string>; teams: Map<string, string>; now: Date };

async function nextRank(tx: Tx, teamId: string): Promise<string> {
  const last = await tx.actionItem.findFirst({ where: { teamId }, orderBy: { rank: "desc" }, select: { rank: true } });
  return generateKeyBetween(last?.rank ?? null, null);
}

/** The review's shared content: narrative, timeline, findings, actions (inside the seed's transaction). */
async function addContent(tx: Tx, reviewId: string, story: DemoStory, startedAt: Date, ids: Ids, agreedAt: Date) {
  // Only what the review does not have yet (demo-actions.ts gives the base demo's review its findings).
  const hasNarrative = await tx.collabDocument.count({ where: { reviewId } });
  const hasTimeline = await tx.timelineEntry.count({ where: { reviewId, accountId: null } });
  const hasFindings = await tx.finding.count({ where: { reviewId } });
  const doc = storyDoc(story.narrative);
  if (!hasNarrative) {
    await tx.collabDocument.create({
      data: { name: narrativeDocumentName(reviewId), reviewId, state: Buffer.from(narrativeStateFromJson(doc)), json: doc as object, text: docText(doc) },
    });
  }
  const entries = [];
  for (const [minutes, kind, description, keyMoment] of hasTimeline ? [] : story.timeline) {
    entries.push(
      await tx.timelineEntry.create({
        data: { reviewId, accountId: null, occurredAt: new Date(startedAt.getTime() + minutes * MIN), timezone: "Europe/Berlin", description, kind, keyMoment: keyMoment ?? null, createdAt: agreedAt },
      }),
    );
  }
  for (const [n, f] of (hasFindings ? [] : story.findings).entries()) {
    const finding = await tx.finding.create({
      data: {
        reviewId,
        category: f.category,
        title: f.title,
        description: f.description,
        createdAt: new Date(agreedAt.getTime() - DAY + n * MIN),
        noActionReason: f.noAction ?? null,
        noActionAt: f.noAction ? agreedAt : null,
        evidence: entries.length ? { create: [{ timelineEntryId: entries[n % entries.length]!.id }] } : undefined,
      },
    });
    if (!f.action) continue;
    const teamId = ids.teams.get(f.action.team ?? story.team)!;
    const closedAt = f.action.status === "DONE" || f.action.status === "WONT_DO" ? new Date(agreedAt.getTime() + (f.action.doneAfterDays ?? 7) * DAY) : null;
    await tx.actionItem.create({
      data: {
        reviewId,
        teamId,
        title: f.action.title,
        description: storyDoc([f.action.title]) as object,
        descriptionText: f.action.title,
        priority: f.action.priority,
        kind: f.action.kind,
        status: f.action.status,
        dueDate: f.action.dueInDays !== undefined ? new Date(Date.UTC(agreedAt.getUTCFullYear(), agreedAt.getUTCMonth(), agreedAt.getUTCDate() + f.action.dueInDays)) : null,
        rank: await nextRank(tx, teamId),
        agreedAt,
        closedAt: closedAt && closedAt < ids.now ? closedAt : null,
        createdAt: agreedAt,
        findings: { create: [{ findingId: finding.id }] },
      },
    });
  }
}

/** Seeds the demo library into the demo organisation (inside seedDemo's transaction). */
export async function seedDemoLibrary(tx: Tx, ids: Ids): Promise<void> {
  const facilitatorId = ids.users.get("facilitator@example.com")!;
  for (const story of [...PAYMENTS_STORIES, ...PLATFORM_STORIES, ...SEARCH_STORIES]) {
    const day = new Date(ids.now.getTime() - story.daysAgo * DAY);
    const startedAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + (story.startsAtUtc ?? 8.25) * 60 * MIN);
    const resolvedAt = new Date(startedAt.getTime() + story.durationMin * MIN);
    const incident = await tx.incident.create({
      data: {
        title: story.title,
        summary: story.summary,
        severity: story.severity,
        startedAt,
        detectedAt: new Date(startedAt.getTime() + story.detectedAfterMin * MIN),
        resolvedAt,
        services: story.services,
        teamId: ids.teams.get(story.team)!,
        createdById: facilitatorId,
        createdAt: startedAt,
      },
    });
    const createdAt = new Date(resolvedAt.getTime() + 3 * 60 * MIN);
    const agreedAt = new Date(createdAt.getTime() + (story.publishAfterDays - 1) * DAY);
    const publishedAt = new Date(createdAt.getTime() + story.publishAfterDays * DAY);
    let responders = 0;
    const people = story.people.map(([email, role]: [string, ParticipantRole]) => ({
      userId: ids.users.get(email)!,
      role,
      anonymousLabel: role === "RESPONDER" ? String.fromCharCode(65 + responders++) : null,
      createdAt,
    }));
    const review = await tx.review.create({
      data: {
        incidentId: incident.id,
        title: story.title,
        phase: "PUBLISHED",
        visibility: story.visibility ?? "ORGANISATION",
        createdById: facilitatorId,
        createdAt,
        // Last touched when it was published, not when the demo was seeded: the reviews list sorts by it.
        updatedAt: publishedAt,
        phaseChangedAt: publishedAt,
        revealedAt: new Date(createdAt.getTime() + DAY),
        publishedAt,
        anonymiseAccounts: story.anonymise ?? false,
        summary: story.summary,
        impact: story.impact,
        tags: story.tags,
        sensitiveReviewedAt: publishedAt,
        participants: { create: people },
      },
    });
    await addContent(tx, review.id, story, startedAt, ids, agreedAt);
    await tx.auditEvent.create({
      data: { type: "review.phase_changed", actorId: facilitatorId, reviewId: review.id, subjectType: "Review", subjectId: review.id, data: { from: "ACTION_PLANNING", to: "PUBLISHED" }, createdAt: publishedAt },
    });
    await upsertSearchDocument(tx, review.id);
  }
  await enrichBaseDemoReview(tx, ids);
}

/** The base demo's published review ("Refund e-mails sent twice") gets a report too. */
async function enrichBaseDemoReview(tx: Tx, ids: Ids): Promise<void> {
  const review = await tx.review.findFirst({ where: { phase: "PUBLISHED", title: "Refund e-mails sent twice" }, include: { incident: true } });
  if (!review) return;
  await tx.review.update({ where: { id: review.id }, data: { summary: REFUND_EMAILS.summary, impact: REFUND_EMAILS.impact, tags: REFUND_EMAILS.tags, sensitiveReviewedAt: review.publishedAt } });
  await addContent(tx, review.id, REFUND_EMAILS, review.incident.startedAt, ids, new Date((review.publishedAt ?? ids.now).getTime() - DAY));
  await upsertSearchDocument(tx, review.id);
}

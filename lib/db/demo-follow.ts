/**
 * The demo's reading, following and follow-up history, on top of the demo library (seeded after
 * it, inside seedDemo's transaction), so Insights and the digests are worth looking at:
 *
 * - colleagues in each team (they cannot sign in), so "share of the organisation" means something;
 * - the responders' accounts of the library's reviews, most written before the reveal;
 * - small follow-up actions on the library's reviews, most done within hours or days — a year of
 *   improvement action lead times and frequency;
 * - who read which published review, and when;
 * - what people follow.
 *
 * After the transaction, `runDemoFollowUp` runs the real digest and reminder tasks once, so the
 * demo starts with the notices they send (and the worker finds nothing left to send).
 */
import { generateKeyBetween } from "fractional-indexing";
import { sendActionReminders } from "../follow-up/send-action-reminders";
import { sendWeeklyDigests } from "../follow-up/send-weekly-digests";
import { sendFollowDigests } from "../follow/send-follow-digests";
import type { Tx } from "./client";

const H = 3_600_000;
const D = 24 * H;

const COLLEAGUES: [string, "payments" | "platform" | "search"][] = [
  ["Noor Haddad", "payments"],
  ["Jonas Weber", "payments"],
  ["Amara Okafor", "payments"],
  ["Luis Ortega", "payments"],
  ["Mei Lin", "payments"],
  ["Tomás Silva", "platform"],
  ["Hannah Becker", "platform"],
  ["Kwame Mensah", "platform"],
  ["Ines Duarte", "platform"],
  ["Oskar Nilsson", "platform"],
  ["Yuki Tanaka", "platform"],
  ["Sofia Rossi", "search"],
  ["Arjun Patel", "search"],
  ["Lena Fischer", "search"],
  ["Mateo García", "search"],
  ["Chloé Martin", "search"],
  ["Daniel Cohen", "search"],
];

/** Follow-up actions of every review: [title (with {service}), kind, hours from agreement to done, or null: still open]. */
const FOLLOW_UPS: [string, "FIX" | "MITIGATION" | "DETECTION" | "PROCESS" | "LEARNING", number | null][] = [
  ["Link the runbook from the {service} alerts", "DETECTION", 5],
  ["Walk the on-call rotation through this review", "LEARNING", 30],
  ["Add a dashboard panel for {service} saturation", "DETECTION", 52],
  ["Write down who decides on a rollback for {service}", "PROCESS", 76],
  ["Add a regression test for the failure mode in {service}", "FIX", 120],
  ["Share the review at the engineering all-hands", "LEARNING", 170],
  ["Rehearse the {service} recovery in a game day", "MITIGATION", null],
];

/** A small, deterministic spread (the same demo every time). */
const pick = (seed: number, n: number) => ((seed * 2654435761) >>> 0) % n;

type Ids = { users: Map<string, string>; teams: Map<string, string>; now: Date };

async function addColleagues(tx: Tx, ids: Ids): Promise<Map<string, string[]>> {
  const byTeam = new Map<string, string[]>();
  for (const [i, [name, team]] of COLLEAGUES.entries()) {
    const email = `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@example.com`;
    const user = await tx.user.create({ data: { email, name, createdAt: new Date(ids.now.getTime() - (400 - i) * D) } });
    await tx.teamMembership.create({ data: { userId: user.id, teamId: ids.teams.get(team)!, role: "MEMBER" } });
    byTeam.set(team, [...(byTeam.get(team) ?? []), user.id]);
  }
  return byTeam;
}

async function addAccounts(tx: Tx, reviewId: string, revealedAt: Date, responders: string[], seed: number) {
  for (const [k, authorId] of responders.entries()) {
    const exists = await tx.responderAccount.count({ where: { reviewId, authorId } });
    if (exists) continue;
    // About one in six was written only after the reveal (as a late account).
    const late = pick(seed + k, 6) === 0;
    const submittedAt = new Date(revealedAt.getTime() + (late ? 3 * H : -(6 + pick(seed * 7 + k, 30)) * H));
    const text = "I joined when the first alert fired and followed the incident channel. What I saw and did is in my personal timeline; the shared timeline has the rest.";
    await tx.responderAccount.create({
      data: {
        reviewId,
        authorId,
        content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
        text,
        wordCount: text.split(/\s+/).length,
        version: 1,
        status: "SUBMITTED",
        submittedAt,
        lastEditedAt: submittedAt,
        createdAt: new Date(submittedAt.getTime() - 2 * H),
      },
    });
  }
}

async function addFollowUps(tx: Tx, review: { id: string; publishedAt: Date; teamId: string; services: string[] }, owners: string[], seed: number, now: Date) {
  const last = await tx.actionItem.findFirst({ where: { teamId: review.teamId }, orderBy: { rank: "desc" }, select: { rank: true } });
  let rank = last?.rank ?? null;
  const chosen = [pick(seed, FOLLOW_UPS.length), pick(seed + 3, FOLLOW_UPS.length)].filter((v, i, a) => a.indexOf(v) === i);
  for (const [k, index] of chosen.entries()) {
    const [template, kind, hours] = FOLLOW_UPS[index]!;
    const title = template.replace("{service}", review.services[k % review.services.length] ?? "the service");
    const agreedAt = new Date(review.publishedAt.getTime() - 12 * H);
    // A game day never rehearsed for an old review was dropped along the way (won't do).
    const dropped = hours === null && now.getTime() - agreedAt.getTime() > 45 * D;
    const closedAt = dropped ? new Date(agreedAt.getTime() + 20 * D) : hours === null ? null : new Date(agreedAt.getTime() + hours * (0.6 + pick(seed + k, 9) / 10) * H);
    const done = !dropped && closedAt !== null && closedAt < now;
    rank = generateKeyBetween(rank, null);
    await tx.actionItem.create({
      data: {
        reviewId: review.id,
        teamId: review.teamId,
        title,
        description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: title }] }] },
        descriptionText: title,
        assigneeId: owners[pick(seed + k * 5, owners.length)] ?? null,
        priority: (["HIGH", "MEDIUM", "LOW"] as const)[pick(seed + k, 3)],
        kind,
        status: dropped ? "WONT_DO" : done ? "DONE" : "OPEN",
        dueDate: new Date(Date.UTC(agreedAt.getUTCFullYear(), agreedAt.getUTCMonth(), agreedAt.getUTCDate() + 14)),
        rank,
        agreedAt,
        closedAt: done || dropped ? closedAt : null,
        createdAt: agreedAt,
      },
    });
  }
}

/** Seeds the demo's people, accounts, follow-up actions, reads and follows (inside seedDemo's transaction). */
export async function seedDemoFollow(tx: Tx, ids: Ids): Promise<void> {
  const colleagues = await addColleagues(tx, ids);
  const everyone = (await tx.user.findMany({ where: { deactivatedAt: null }, select: { id: true }, orderBy: { createdAt: "asc" } })).map((u) => u.id);
  const reviews = await tx.review.findMany({
    where: { phase: "PUBLISHED", publishedAt: { not: null } },
    select: { id: true, publishedAt: true, revealedAt: true, incident: { select: { teamId: true, services: true } }, participants: { select: { userId: true, role: true } } },
    orderBy: { publishedAt: "asc" },
  });
  for (const [n, r] of reviews.entries()) {
    const publishedAt = r.publishedAt!;
    const responders = r.participants.filter((p) => p.role === "RESPONDER").map((p) => p.userId);
    await addAccounts(tx, r.id, r.revealedAt ?? new Date(publishedAt.getTime() - 2 * D), responders, n + 1);
    const team = [...ids.teams.entries()].find(([, id]) => id === r.incident.teamId)?.[0] ?? "payments";
    await addFollowUps(tx, { id: r.id, publishedAt, teamId: r.incident.teamId, services: r.incident.services }, [...responders, ...(colleagues.get(team) ?? [])], n + 11, ids.now);
    // Readers: the review's own people, and a varying share of everyone else over the following weeks.
    const readers = everyone.filter((id, k) => r.participants.some((p) => p.userId === id) || pick(n * 31 + k, 10) < 3 + (n % 5));
    for (const [k, userId] of readers.entries()) {
      const firstAt = new Date(publishedAt.getTime() + (1 + pick(n + k * 13, 20 * 24)) * H);
      if (firstAt > ids.now) continue;
      const visits = 1 + pick(n * 3 + k, 3);
      const lastAt = new Date(Math.min(ids.now.getTime(), firstAt.getTime() + (visits - 1) * 2 * D));
      await tx.reviewRead.create({ data: { reviewId: r.id, userId, firstAt, lastAt, count: visits } });
    }
  }
  const follows: [string, "TEAM" | "SERVICE" | "TAG", string][] = [
    ["facilitator@example.com", "TEAM", ids.teams.get("payments")!],
    ["facilitator@example.com", "TEAM", ids.teams.get("search")!],
    ["facilitator@example.com", "TAG", "postgres"],
    ["responder1@example.com", "TEAM", ids.teams.get("platform")!],
    ["responder1@example.com", "SERVICE", "kafka"],
    ["responder2@example.com", "SERVICE", "checkout-api"],
    ["responder3@example.com", "TAG", "capacity"],
    ["pm@example.com", "TEAM", ids.teams.get("platform")!],
    ["pm@example.com", "TAG", "third-party"],
    ["observer@example.com", "TAG", "dns"],
  ];
  const since = new Date(ids.now.getTime() - 14 * D);
  for (const [email, kind, value] of follows) {
    const userId = ids.users.get(email);
    if (userId) await tx.subscription.create({ data: { userId, kind, value, createdAt: since } });
  }
  for (const [k, [team, members]] of [...colleagues.entries()].entries()) {
    const other = [...ids.teams.keys()].filter((t) => t !== team)[k % 2]!;
    for (const userId of members.slice(0, 2)) await tx.subscription.create({ data: { userId, kind: "TEAM", value: ids.teams.get(other)!, createdAt: since } });
  }
}

/** After the seed's transaction: the digests and reminders the demo's history calls for, sent once by the real tasks. */
export async function runDemoFollowUp(now: Date): Promise<void> {
  await sendFollowDigests({ now });
  await sendActionReminders({ now });
  await sendWeeklyDigests({ now });
}

/**
 * The demo organisation a newcomer finds on the embedded database: three teams, a user for
 * every role (password "demo-password") and incidents with reviews in different phases.
 * Runs only on an empty database.
 */
import { hashPassword } from "../auth/password";
import type { ParticipantRole, ReviewPhase } from "../policies/types";
import { db } from "./client";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "./demo-accounts";
import { seedDemoActions } from "./demo-actions";
import { seedDemoLibrary } from "./demo-library";
import { runDemoFollowUp, seedDemoFollow } from "./demo-follow";
import { seedDemoSession } from "./demo-session";
import { shuffledLetters } from "../reviews/anonymous-letters";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN", does: "Admin: teams, members and roles" },
  { email: "facilitator@example.com", name: "Fran Facilitator", role: "MEMBER", does: "Facilitates reviews" },
  { email: "responder1@example.com", name: "Riley Responder", role: "MEMBER", does: "Responder (Payments)" },
  { email: "responder2@example.com", name: "Sam Responder", role: "MEMBER", does: "Responder (Platform)" },
  { email: "responder3@example.com", name: "Taylor Responder", role: "MEMBER", does: "Responder (Search)" },
  { email: "pm@example.com", name: "Priya PM", role: "MEMBER", does: "Product manager (Payments)" },
  { email: "observer@example.com", name: "Oli Observer", role: "MEMBER", does: "Observes reviews" },
] as const;

type DemoEmail = (typeof DEMO_USERS)[number]["email"];

const TEAMS = [
  { slug: "payments", name: "Payments", description: "Checkout, payment providers and refunds." },
  { slug: "platform", name: "Platform", description: "Kubernetes, networking, databases and CI." },
  { slug: "search", name: "Search", description: "Product search and recommendations." },
] as const;

const MEMBERSHIPS: [DemoEmail, (typeof TEAMS)[number]["slug"], "MEMBER" | "PRODUCT_MANAGER"][] = [
  ["facilitator@example.com", "platform", "MEMBER"],
  ["responder1@example.com", "payments", "MEMBER"],
  ["responder2@example.com", "platform", "MEMBER"],
  ["responder3@example.com", "search", "MEMBER"],
  ["pm@example.com", "payments", "PRODUCT_MANAGER"],
  ["observer@example.com", "search", "MEMBER"],
];

const H = 3_600_000;
const D = 24 * H;

type DemoIncident = {
  title: string;
  summary: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  team: (typeof TEAMS)[number]["slug"];
  daysAgo: number;
  durationH: number;
  services: string[];
  review?: { phase: ReviewPhase; people: [DemoEmail, ParticipantRole][] };
};

const everyone: [DemoEmail, ParticipantRole][] = [
  ["facilitator@example.com", "FACILITATOR"],
  ["responder1@example.com", "RESPONDER"],
  ["responder2@example.com", "RESPONDER"],
  ["responder3@example.com", "RESPONDER"],
  ["observer@example.com", "OBSERVER"],
];

const INCIDENTS: DemoIncident[] = [
  {
    title: "Checkout errors after payment provider certificate rotation",
    summary: "Card payments failed for 38 minutes after the provider rotated its TLS certificate; our pinned chain was out of date.",
    severity: "SEV1",
    team: "payments",
    daysAgo: 2,
    durationH: 0.7,
    services: ["checkout-api", "payment-gateway"],
    review: { phase: "INDEPENDENT", people: everyone },
  },
  {
    title: "Search results stale for six hours",
    summary: "The indexer stopped consuming product updates after a consumer-group rebalance; results showed old prices.",
    severity: "SEV2",
    team: "search",
    daysAgo: 9,
    durationH: 6,
    services: ["search-indexer", "kafka"],
    review: { phase: "GROUP", people: everyone },
  },
  {
    title: "Database failover during peak traffic",
    summary: "A primary PostgreSQL node failed over; connection pools took 12 minutes to recover.",
    severity: "SEV2",
    team: "platform",
    daysAgo: 21,
    durationH: 0.5,
    services: ["orders-db", "pgbouncer"],
    review: { phase: "ACTION_PLANNING", people: everyone },
  },
  {
    title: "Refund e-mails sent twice",
    summary: "A retry in the notification worker re-sent refund confirmations to 4,100 customers.",
    severity: "SEV3",
    team: "payments",
    daysAgo: 40,
    durationH: 3,
    services: ["notifications-worker"],
    review: { phase: "PUBLISHED", people: everyone },
  },
  {
    title: "Deploy pipeline blocked by expired registry token",
    summary: "No service could deploy for two hours while the container registry token was renewed.",
    severity: "SEV3",
    team: "platform",
    daysAgo: 1,
    durationH: 2,
    services: ["ci", "container-registry"],
    review: {
      phase: "PREPARING",
      people: [
        ["facilitator@example.com", "FACILITATOR"],
        ["responder2@example.com", "RESPONDER"],
      ],
    },
  },
  {
    title: "Elevated latency on product pages",
    summary: "p99 latency doubled for 25 minutes after a cache node was replaced.",
    severity: "SEV4",
    team: "search",
    daysAgo: 3,
    durationH: 0.4,
    services: ["product-pages", "redis-cache"],
  },
];

const ORDER: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];

/** Seeds the demo organisation into an empty database; returns false (and does nothing) otherwise. */
export async function seedDemo(now = new Date()): Promise<boolean> {
  if ((await db().user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db().$transaction(
    async (tx) => {
      const users = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const created = await tx.user.create({
          data: { email: u.email, name: u.name, role: u.role, passwordHash, emailVerified: now },
        });
        users.set(u.email, created.id);
        await tx.auditEvent.create({
          data: { type: "user.joined", actorId: created.id, subjectType: "User", subjectId: created.id, data: { email: u.email, via: "demo" } },
        });
      }
      const teams = new Map<string, string>();
      for (const t of TEAMS) teams.set(t.slug, (await tx.team.create({ data: t })).id);
      for (const [email, slug, role] of MEMBERSHIPS) {
        await tx.teamMembership.create({ data: { userId: users.get(email)!, teamId: teams.get(slug)!, role } });
      }
      const facilitatorId = users.get("facilitator@example.com")!;
      for (const inc of INCIDENTS) {
        const startedAt = new Date(now.getTime() - inc.daysAgo * D);
        const incident = await tx.incident.create({
          data: {
            title: inc.title,
            summary: inc.summary,
            severity: inc.severity,
            startedAt,
            detectedAt: new Date(startedAt.getTime() + 0.1 * H),
            resolvedAt: new Date(startedAt.getTime() + inc.durationH * H),
            services: inc.services,
            teamId: teams.get(inc.team)!,
            createdById: facilitatorId,
            createdAt: startedAt,
          },
        });
        if (!inc.review) continue;
        const createdAt = new Date(startedAt.getTime() + inc.durationH * H + 2 * H);
        const review = await tx.review.create({
          data: {
            incidentId: incident.id,
            title: inc.title,
            phase: inc.review.phase,
            createdById: facilitatorId,
            createdAt,
            phaseChangedAt: new Date(createdAt.getTime() + H),
            publishedAt: inc.review.phase === "PUBLISHED" ? new Date(createdAt.getTime() + 7 * D) : null,
            participants: { create: inc.review.people.map(([email, role]) => ({ userId: users.get(email)!, role })) },
          },
        });
        const revealed = ORDER.indexOf(inc.review.phase) >= ORDER.indexOf("GROUP");
        await seedDemoAccounts(tx, review.id, DEMO_ACCOUNTS[inc.title] ?? [], users, startedAt);
        if (revealed) {
          await tx.review.update({ where: { id: review.id }, data: { revealedAt: new Date(createdAt.getTime() + 2 * H) } });
          const responders = inc.review.people.filter(([, role]) => role === "RESPONDER");
          const letters = shuffledLetters(responders.length);
          for (const [i, [email]] of responders.entries()) {
            await tx.reviewParticipant.updateMany({ where: { reviewId: review.id, userId: users.get(email)! }, data: { anonymousLabel: letters[i] } });
          }
        }
        if (inc.review.phase === "GROUP") await seedDemoSession(tx, review, users, startedAt);
        if (inc.review.phase === "INDEPENDENT") {
          await tx.review.update({ where: { id: review.id }, data: { accountDeadline: new Date(now.getTime() + 2 * D) } });
          await tx.notification.createMany({
            data: inc.review.people
              .filter(([, role]) => role === "RESPONDER")
              .map(([email]) => ({
                userId: users.get(email)!,
                reviewId: review.id,
                type: "account.requested",
                title: `Write your account of “${review.title}”`,
                body: "Describe the incident as you experienced it. Nobody reads your account until the facilitator reveals all accounts together.",
                url: `/reviews/${review.id}/account`,
              })),
          });
        }
        await tx.auditEvent.create({
          data: {
            type: "review.created",
            actorId: facilitatorId,
            reviewId: review.id,
            subjectType: "Review",
            subjectId: review.id,
            data: { incidentId: incident.id, title: review.title, facilitatorId },
            createdAt,
          },
        });
        for (let i = 1; i <= ORDER.indexOf(inc.review.phase); i++) {
          await tx.auditEvent.create({
            data: {
              type: "review.phase_changed",
              actorId: facilitatorId,
              reviewId: review.id,
              subjectType: "Review",
              subjectId: review.id,
              data: { from: ORDER[i - 1], to: ORDER[i] },
              createdAt: new Date(createdAt.getTime() + i * H),
            },
          });
        }
      }
      await seedDemoActions(tx, users, teams, now);
      await seedDemoLibrary(tx, { users, teams, now });
      await seedDemoFollow(tx, { users, teams, now });
    },
    { timeout: 60_000 },
  );
  await runDemoFollowUp(now);
  return true;
}

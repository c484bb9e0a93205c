/**
 * What the organisation export holds, table by table (docs/decisions/0008-export-format.md). Every
 * Prisma model is decided here — lib/export/tables.test.ts fails when a new model has no decision —
 * so content is never silently left behind and secrets never silently included.
 */
import { Prisma } from "../db/generated/client";

type Decision = { include: true; reason?: string; nullColumns?: string[] } | { include: false; reason: string };

export const TABLE_DECISIONS: Record<string, Decision> = {
  User: { include: true, reason: "People, with password hashes so they sign in after a move." },
  Account: {
    include: true,
    reason: "Links to single sign-on identities (kept so people keep their account); the identity provider's tokens are left out.",
    nullColumns: ["refresh_token", "access_token", "id_token", "session_state"],
  },
  Team: { include: true },
  TeamMembership: { include: true },
  Incident: { include: true },
  Review: { include: true },
  ReviewParticipant: { include: true },
  ResponderAccount: { include: true },
  AccountLateAddition: { include: true },
  TimelineEntry: { include: true },
  Finding: { include: true },
  FindingEvidence: { include: true },
  SessionItem: { include: true },
  CollabDocument: { include: true, reason: "The narrative: its Yjs state (base64) with its JSON and text." },
  Comment: { include: true },
  ActionItem: { include: true },
  ActionFinding: { include: true },
  ActionSyncEvent: { include: true },
  ActionReminder: { include: true, reason: "So reminders already sent are not sent again after a move." },
  AuditEvent: { include: true },
  Notification: { include: true },
  ReviewRead: { include: true },
  Subscription: { include: true },
  DigestState: { include: true, reason: "So digests already sent are not sent again after a move." },
  TeamDigestState: { include: true },
  ReviewSearchDocument: { include: false, reason: "Derived from the reviews; rebuilt for every published review on import." },
  Session: { include: false, reason: "Sign-in sessions: secrets of this install." },
  VerificationToken: { include: false, reason: "One-time sign-in secrets." },
  ApiToken: { include: false, reason: "API token hashes are credentials: people create new tokens after a move." },
  FeedToken: { include: false, reason: "Feed token hashes are credentials: people create a new feed link after a move." },
  SignInAttempt: { include: false, reason: "Rate-limiting records of this install." },
  Invitation: { include: false, reason: "Pending invitations carry secret links; invite again after a move." },
  OutboundEmail: { include: false, reason: "The e-mail outbox of this install (sent or about to be)." },
  BacklogConnection: {
    include: false,
    reason: "Tracker credentials are encrypted with this install's key: reconnect trackers after a move (actions keep their tracker keys and links).",
  },
  InboundDelivery: { include: false, reason: "Idempotency records of tracker webhooks, only useful to this install." },
};

/** Every Prisma model (table) of the schema. */
export const ALL_MODELS: string[] = Object.values(Prisma.ModelName);

/** Tables the export holds, in schema order (the catalog decides the insert order). */
export const EXPORTED_TABLES = ALL_MODELS.filter((m) => TABLE_DECISIONS[m]?.include === true);

export const nullColumnsOf = (table: string): string[] => {
  const d = TABLE_DECISIONS[table];
  return d?.include ? (d.nullColumns ?? []) : [];
};

/**
 * The autosave benchmark's data, written straight into the database (no server running, as in
 * seed.ts): responder users with a real Argon2 hash, and one review in INDEPENDENT with all of
 * them as responders. Afterwards, the accounts as stored, for the lost-update check.
 */
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import type { StoredAccount } from "./autosave-client";
import { DEMO_PASSWORD } from "./session";

export const AUTOSAVE_REVIEW_ID = "bench-autosave-review";
export const AUTOSAVE_REVIEW_TITLE = "Bench autosave review";

const pad = (i: number) => String(i).padStart(3, "0");
export const responderEmail = (i: number) => `bench-responder-${pad(i + 1)}@bench.example`;
const responderId = (i: number) => `bench-responder-${pad(i + 1)}`;

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Adds `count` responders (password: the demo password) and the review they write accounts in. Returns their e-mails. */
export async function seedAutosave(url: string, count: number): Promise<string[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash for all: each sign-in still verifies it
  const indexes = Array.from({ length: count }, (_, i) => i);
  await withClient(url, async (client) => {
    await client.query("BEGIN");
    try {
      const facilitator = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'facilitator@example.com'`);
      const team = await client.query<{ id: string }>(`SELECT id FROM "Team" ORDER BY slug LIMIT 1`);
      if (!facilitator.rows[0] || !team.rows[0]) throw new Error("The demo organisation is missing: start the server with DEBRIEF_DEMO=1 before seeding.");
      await client.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
         SELECT id, email, name, $4, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, email, name)`,
        [indexes.map(responderId), indexes.map(responderEmail), indexes.map((i) => `Bench Responder ${i + 1}`), passwordHash],
      );
      await client.query(
        `INSERT INTO "Incident" (id, title, severity, "startedAt", "detectedAt", "teamId", services, "updatedAt")
         VALUES ('bench-autosave-incident', 'Bench autosave incident: checkout latency', 'SEV2', now() - interval '2 days', now() - interval '2 days', $1, '{checkout}', now())`,
        [team.rows[0].id],
      );
      await client.query(
        `INSERT INTO "Review" (id, "incidentId", title, phase, visibility, "phaseChangedAt", "updatedAt")
         VALUES ($1, 'bench-autosave-incident', $2, 'INDEPENDENT', 'PARTICIPANTS', now(), now())`,
        [AUTOSAVE_REVIEW_ID, AUTOSAVE_REVIEW_TITLE],
      );
      await client.query(
        `INSERT INTO "ReviewParticipant" (id, "reviewId", "userId", role)
         SELECT 'bench-autosave-p' || ord, $1, uid, (CASE WHEN ord = 1 THEN 'FACILITATOR' ELSE 'RESPONDER' END)::"ParticipantRole"
         FROM unnest($2::text[]) WITH ORDINALITY AS t(uid, ord)`,
        [AUTOSAVE_REVIEW_ID, [facilitator.rows[0].id, ...indexes.map(responderId)]],
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    await client.query("ANALYZE");
  });
  return indexes.map(responderEmail);
}

/** The bench responders' accounts as stored, by e-mail. */
export async function storedAccounts(url: string): Promise<Map<string, StoredAccount>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ email: string; version: number; content: unknown }>(
      `SELECT u.email, a.version, a.content
       FROM "ResponderAccount" a JOIN "User" u ON u.id = a."authorId" WHERE a."reviewId" = $1`,
      [AUTOSAVE_REVIEW_ID],
    );
    return new Map(rows.map((r) => [r.email, { version: r.version, content: r.content }]));
  });
}

/** The demo review in GROUP (the seeded session), whose session page the bench weighs. */
export async function demoGroupReviewId(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const found = await client.query<{ id: string }>(`SELECT id FROM "Review" WHERE phase = 'GROUP' ORDER BY "createdAt" LIMIT 1`);
    if (!found.rows[0]) throw new Error("The demo data has no review in GROUP: the session page cannot be measured.");
    return found.rows[0].id;
  });
}

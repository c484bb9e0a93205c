/**
 * Helpers for the independent-accounts API tests: every demo user signed in twice — once with a
 * session cookie (as the browser is) and once with an API token made with that session (as a
 * script is) — and a review of the test's own, with two responders and an observer, in INDEPENDENT.
 */
import { expect, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";
import { createIncident, createReview, createToken, expectJson, sameOrigin, sessionClient, teamBySlug, unique, type Review } from "./api-client";

type Playwright = PlaywrightWorkerArgs["playwright"];

export const PEOPLE = ["admin", "facilitator", "responder1", "responder2", "responder3", "pm", "observer"] as const;
export type Person = (typeof PEOPLE)[number];
export type Via = "session" | "token";

export const NAMES: Record<Person, string> = {
  admin: "Ada Admin",
  facilitator: "Fran Facilitator",
  responder1: "Riley Responder",
  responder2: "Sam Responder",
  responder3: "Taylor Responder",
  pm: "Priya PM",
  observer: "Oli Observer",
};

export const emailOf = (who: Person) => `${who}@example.com`;

export type People = {
  /** Clients by how they authenticate: the session cookie (sending a same-origin Origin on every request) or a Bearer token. */
  session: Record<Person, APIRequestContext>;
  token: Record<Person, APIRequestContext>;
  dispose: () => Promise<void>;
};

/** Signs in every demo user and creates an API token for each with that session (POST /api/v1/me/tokens). */
export async function signInEveryone(playwright: Playwright, baseURL: string): Promise<People> {
  const session = {} as Record<Person, APIRequestContext>;
  const token = {} as Record<Person, APIRequestContext>;
  await Promise.all(
    PEOPLE.map(async (who) => {
      const signedIn = await sessionClient(playwright, baseURL, emailOf(who));
      const { token: secret } = await createToken(signedIn, baseURL, `e2e accounts ${who} ${Date.now()}`);
      // The same session, sending what a same-origin browser request sends (writes with a cookie need it).
      session[who] = await playwright.request.newContext({ baseURL, storageState: await signedIn.storageState(), extraHTTPHeaders: sameOrigin(baseURL) });
      token[who] = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
      await signedIn.dispose();
    }),
  );
  return {
    session,
    token,
    dispose: async () => {
      await Promise.all([...Object.values(session), ...Object.values(token)].map((c) => c.dispose()));
    },
  };
}

export type IndependentReview = Review & {
  /** Participant ids by person. */
  participantId: Partial<Record<Person, string>>;
  /** User ids by person (of the participants). */
  userId: Partial<Record<Person, string>>;
};

/**
 * A new platform incident and review facilitated by facilitator@, with responder1 and responder2
 * (in that order) and observer@, moved to INDEPENDENT. `configure` is sent to account-settings first.
 */
export async function startIndependentReview(facilitator: APIRequestContext, configure?: Record<string, unknown>): Promise<IndependentReview> {
  const platform = await teamBySlug(facilitator, "platform");
  const incident = await createIncident(facilitator, platform.id);
  const review = await createReview(facilitator, incident.id, emailOf("facilitator"), { title: unique("Accounts review") });
  for (const [email, role] of [
    [emailOf("responder1"), "responder"],
    [emailOf("responder2"), "responder"],
    [emailOf("observer"), "observer"],
  ] as const) {
    await expectJson(await facilitator.post(`/api/v1/reviews/${review.id}/participants`, { data: { email, role } }), 201);
  }
  if (configure) await expectJson(await facilitator.patch(`/api/v1/reviews/${review.id}/account-settings`, { data: configure }), 200);
  const moved = await expectJson<Review>(await facilitator.post(`/api/v1/reviews/${review.id}/phase`, { data: { to: "INDEPENDENT" } }), 200);
  expect(moved.phase).toBe("INDEPENDENT");
  const participantId: IndependentReview["participantId"] = {};
  const userId: IndependentReview["userId"] = {};
  for (const p of moved.participants) {
    const who = p.email.split("@")[0] as Person;
    participantId[who] = p.id;
    userId[who] = p.userId;
  }
  return { ...moved, participantId, userId };
}

export const reveal = async (facilitator: APIRequestContext, reviewId: string) =>
  expect((await expectJson<Review>(await facilitator.post(`/api/v1/reviews/${reviewId}/phase`, { data: { to: "GROUP" } }), 200)).phase).toBe("GROUP");

export type DocNode = { type: string; attrs?: Record<string, unknown>; content?: DocNode[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };

/** A Tiptap document with one paragraph per argument. */
export const doc = (...paragraphs: string[]): DocNode => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

/** A word no other test (or run) writes, to look for in response bodies. */
export const marker = (label: string) => `${label}${Math.random().toString(36).slice(2, 10)}x`;

export type MyAccount = {
  reviewId: string;
  phase: string;
  content: DocNode;
  version: number;
  status: "NOT_STARTED" | "DRAFTING" | "SUBMITTED";
  wordCount: number;
  lastEditedAt: string | null;
  submittedAt: string | null;
  deadline: string | null;
  prompts: { id: string; title: string; hint: string }[];
  timeline: TimelineEntry[];
  lateAdditions: { id: string; content: DocNode; createdAt: string }[];
  abilities: { edit: boolean; submit: boolean; reopen: boolean; appendLate: boolean };
};

export type TimelineEntry = { id: string; occurredAt: string; timezone: string; description: string; kind: string; evidenceUrl: string | null };

export type AccountList = {
  revealed: boolean;
  anonymised: boolean;
  accounts: {
    id: string;
    author: { id: string | null; name: string; label: string };
    own: boolean;
    status: string;
    wordCount: number;
    content: DocNode;
    timeline: TimelineEntry[];
    lateAdditions: { id: string; content: DocNode }[];
  }[];
};

export type StatusBoard = {
  phase: string;
  deadline: string | null;
  anonymise: boolean;
  responders: {
    participantId: string;
    name: string;
    email: string;
    status: string;
    wordCount: number;
    lastActivityAt: string | null;
    lastRemindedAt: string | null;
    overdue: boolean;
  }[];
  submitted: number;
  notSubmitted: string[];
};

const accountsPath = (reviewId: string) => `/api/v1/reviews/${reviewId}/accounts`;

export const api = {
  me: (c: APIRequestContext, reviewId: string) => c.get(`${accountsPath(reviewId)}/me`),
  save: (c: APIRequestContext, reviewId: string, content: unknown, baseVersion: unknown) => c.put(`${accountsPath(reviewId)}/me`, { data: { content, baseVersion } }),
  submit: (c: APIRequestContext, reviewId: string) => c.post(`${accountsPath(reviewId)}/me/submit`),
  reopen: (c: APIRequestContext, reviewId: string) => c.post(`${accountsPath(reviewId)}/me/reopen`),
  list: (c: APIRequestContext, reviewId: string) => c.get(accountsPath(reviewId)),
  status: (c: APIRequestContext, reviewId: string) => c.get(`${accountsPath(reviewId)}/status`),
  timeline: (c: APIRequestContext, reviewId: string) => c.get(`${accountsPath(reviewId)}/me/timeline`),
  addEntry: (c: APIRequestContext, reviewId: string, entry: Record<string, unknown>) => c.post(`${accountsPath(reviewId)}/me/timeline`, { data: entry }),
  updateEntry: (c: APIRequestContext, reviewId: string, entryId: string, entry: Record<string, unknown>) =>
    c.put(`${accountsPath(reviewId)}/me/timeline/${entryId}`, { data: entry }),
  deleteEntry: (c: APIRequestContext, reviewId: string, entryId: string) => c.delete(`${accountsPath(reviewId)}/me/timeline/${entryId}`),
  late: (c: APIRequestContext, reviewId: string, content: unknown) => c.post(`${accountsPath(reviewId)}/me/late-additions`, { data: { content } }),
  remind: (c: APIRequestContext, reviewId: string, body: Record<string, unknown> = {}) => c.post(`${accountsPath(reviewId)}/reminders`, { data: body }),
  configure: (c: APIRequestContext, reviewId: string, body: Record<string, unknown>) => c.patch(`/api/v1/reviews/${reviewId}/account-settings`, { data: body }),
};

/** Saves `content` on top of whatever version is stored, and returns the new version. */
export async function write(c: APIRequestContext, reviewId: string, content: DocNode): Promise<number> {
  const current = await expectJson<MyAccount>(await api.me(c, reviewId), 200);
  return (await expectJson<{ version: number }>(await api.save(c, reviewId, content, current.version), 200)).version;
}

/** The raw text of a response, after checking its status. */
export async function bodyText(res: APIResponse, status: number): Promise<string> {
  const text = await res.text();
  expect(res.status(), `${res.url()} → ${text.slice(0, 300)}`).toBe(status);
  return text;
}

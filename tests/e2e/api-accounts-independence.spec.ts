/**
 * REST API v1, independent accounts — who reads what, and when. Before the reveal an account
 * (narrative and timeline) reaches its author alone: not the other responder, the facilitator,
 * the observer or an admin, whether they ask with a session or an API token, and not through the
 * status board, reminders or notifications either. After the reveal every participant reads every
 * account, anonymised for all but admins when the facilitator chose so; accounts are read-only then,
 * save for late additions. Each test writes unique marker words and looks for them in whole bodies.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { baseUrlOf, expectError, expectJson } from "./support/api-client";
import {
  api,
  bodyText,
  doc,
  marker,
  NAMES,
  reveal,
  signInEveryone,
  startIndependentReview,
  write,
  type AccountList,
  type DocNode,
  type MyAccount,
  type People,
  type StatusBoard,
  type TimelineEntry,
  type Via,
} from "./support/accounts-api";

let people: People;
let baseURL: string;

test.beforeAll(async ({ playwright }, testInfo) => {
  baseURL = baseUrlOf(testInfo);
  people = await signInEveryone(playwright, baseURL);
});

test.afterAll(async () => {
  await people?.dispose();
});

const VIAS: Via[] = ["session", "token"];
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

function expectNone(text: string, secrets: string[], what: string) {
  for (const secret of secrets) expect(text, `${what} must not contain ${secret}`).not.toContain(secret);
}

type Notifications = { items: { id: string; reviewId: string | null; type: string; title: string; body: string; url: string; readAt: string | null }[]; unread: number };

test("before the reveal an account is its author's alone, with a session or an API token", async () => {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator);
  const [words1, words2, entry1, entry2] = [marker("alpha"), marker("bravo"), marker("tango"), marker("lima")];
  await write(session.responder1, review.id, doc(`I noticed ${words1} first.`));
  await write(session.responder2, review.id, doc(`I saw ${words2} in the logs.`));
  await expectJson(await api.addEntry(session.responder1, review.id, { occurredAt: anHourAgo(), description: `Pinged ${entry1}`, kind: "COMMUNICATION" }), 201);
  await expectJson(await api.addEntry(session.responder2, review.id, { occurredAt: anHourAgo(), description: `Checked ${entry2}`, kind: "ACTION" }), 201);
  await expectJson(await api.submit(session.responder2, review.id), 200);
  const all = [words1, words2, entry1, entry2];

  for (const via of VIAS) {
    const as = people[via];
    // Each responder reads their own account, and only theirs.
    for (const [who, own, other] of [
      ["responder1", [words1, entry1], [words2, entry2]],
      ["responder2", [words2, entry2], [words1, entry1]],
    ] as const) {
      const text = await bodyText(await api.list(as[who], review.id), 200);
      const list = JSON.parse(text) as AccountList;
      expect(list.revealed, `${via} ${who}`).toBe(false);
      expect(list.accounts, `${via} ${who}`).toHaveLength(1);
      expect(list.accounts[0]).toMatchObject({ own: true, author: { name: NAMES[who] } });
      for (const word of own) expect(text).toContain(word);
      expectNone(text, [...other], `${via} ${who}'s list`);
      expectNone(await bodyText(await api.me(as[who], review.id), 200), [...other], `${via} ${who}'s own account`);
      expectNone(await bodyText(await api.timeline(as[who], review.id), 200), [...other], `${via} ${who}'s timeline`);
    }

    // The facilitator, the observer and an admin read no account at all, and have none of their own.
    for (const who of ["facilitator", "observer", "admin"] as const) {
      const text = await bodyText(await api.list(as[who], review.id), 200);
      expect(JSON.parse(text), `${via} ${who}`).toEqual({ revealed: false, anonymised: false, accounts: [] });
      for (const read of [api.me, api.timeline]) {
        const error = await expectError(await read(as[who], review.id), 404, "NOT_FOUND");
        expectNone(JSON.stringify(error), all, `${via} ${who}'s 404`);
      }
      await expectError(await api.save(as[who], review.id, doc("overwrite"), 1), 404, "NOT_FOUND");
      await expectError(await api.addEntry(as[who], review.id, { occurredAt: anHourAgo(), description: "x", kind: "ACTION" }), 404, "NOT_FOUND");
      expectNone(await bodyText(await as[who].get(`/api/v1/reviews/${review.id}`), 200), all, `${via} ${who}'s review overview`);
    }

    // People outside the review (and not in its team) do not even learn it exists.
    for (const who of ["pm", "responder3"] as const) {
      const hidden = await expectError(await api.list(as[who], review.id), 404, "NOT_FOUND");
      const missing = await expectError(await api.list(as[who], "no-such-review"), 404, "NOT_FOUND");
      expect(hidden.message).toBe(missing.message);
      for (const read of [api.me, api.timeline, api.status]) await expectError(await read(as[who], review.id), 404, "NOT_FOUND");
    }

    // The status board: statuses and word counts, none of the words.
    for (const who of ["facilitator", "admin"] as const) {
      const text = await bodyText(await api.status(as[who], review.id), 200);
      expectNone(text, all, `${via} ${who}'s status board`);
      const board = JSON.parse(text) as StatusBoard;
      expect(board).toMatchObject({ phase: "INDEPENDENT", submitted: 1, notSubmitted: [NAMES.responder1] });
      expect(board.responders.map((r) => [r.name, r.status, r.wordCount])).toEqual([
        [NAMES.responder1, "DRAFTING", 4],
        [NAMES.responder2, "SUBMITTED", 6],
      ]);
      for (const row of board.responders) for (const field of ["content", "text", "timeline"]) expect(row).not.toHaveProperty(field);
      expect(board.responders.every((r) => r.lastActivityAt !== null)).toBe(true);
    }
    for (const who of ["responder1", "responder2", "observer"] as const) {
      const refused = await expectError(await api.status(as[who], review.id), 403, "FORBIDDEN");
      expect(refused.message).toContain("facilitator");
    }
  }

  // A cross-site request riding on the cookie cannot write either.
  await expectError(
    await session.responder1.put(`/api/v1/reviews/${review.id}/accounts/me`, { data: { content: doc("forged"), baseVersion: 1 }, headers: { origin: "https://evil.example" } }),
    403,
    "FORBIDDEN",
  );
  expect(await expectJson<MyAccount>(await api.me(session.responder1, review.id), 200)).toMatchObject({ version: 1, content: doc(`I noticed ${words1} first.`) });
});

test("reminders reach responders who have not submitted, and no notification carries account text", async () => {
  const { session, token } = people;
  const review = await startIndependentReview(session.facilitator);
  const [words1, words2] = [marker("charlie"), marker("delta")];
  await write(session.responder1, review.id, doc(`Certificate ${words1} expired.`));
  await expectJson(await api.submit(session.responder1, review.id), 200);
  await write(session.responder2, review.id, doc(`Pool ${words2} exhausted.`));

  const reminded = await expectJson<{ reminded: { participantId: string; name: string }[] }>(await api.remind(session.facilitator, review.id), 200);
  expect(reminded.reminded).toEqual([{ participantId: review.participantId.responder2, name: NAMES.responder2 }]);

  const notificationsOf = async (c: APIRequestContext, query = "limit=100") => {
    const text = await bodyText(await c.get(`/api/v1/me/notifications?${query}`), 200);
    expectNone(text, [words1, words2], "notifications");
    const all = JSON.parse(text) as Notifications;
    return { ...all, here: all.items.filter((n) => n.reviewId === review.id) };
  };
  const r2 = await notificationsOf(token.responder2);
  expect(r2.here.map((n) => n.type).sort()).toEqual(["account.reminder", "account.requested"]);
  const reminder = r2.here.find((n) => n.type === "account.reminder")!;
  expect(reminder).toMatchObject({ title: expect.stringContaining(review.title), url: `/reviews/${review.id}/account`, readAt: null });
  expect(reminder.body).toContain(NAMES.facilitator);
  expect(r2.unread).toBeGreaterThanOrEqual(2);
  expect((await notificationsOf(session.responder1)).here.map((n) => n.type)).toEqual(["account.requested"]);
  for (const who of ["facilitator", "observer", "admin"] as const) await notificationsOf(session[who]);

  // Only those who run the review remind; the submitted cannot be reminded.
  for (const who of ["responder1", "responder2", "observer"] as const) await expectError(await api.remind(token[who], review.id), 403, "FORBIDDEN");
  await expectError(await api.remind(session.pm, review.id), 404, "NOT_FOUND");
  const nobody = await expectError(await api.remind(session.facilitator, review.id, { participantIds: [review.participantId.responder1] }), 409, "CONFLICT");
  expect(nobody.message).toContain("submitted");
  await expectError(await api.remind(session.facilitator, review.id, { participantIds: "everyone" }), 400, "VALIDATION_FAILED");
  expect((await expectJson<{ reminded: unknown[] }>(await api.remind(token.admin, review.id, { participantIds: [review.participantId.responder2] }), 200)).reminded).toHaveLength(1);
  const board = await expectJson<StatusBoard>(await api.status(session.facilitator, review.id), 200);
  expect(board.responders.map((r) => r.lastRemindedAt !== null)).toEqual([false, true]);

  // Marking read: one, then all; someone else's ids are ignored.
  const requested = r2.here.find((n) => n.type === "account.requested")!;
  expect((await session.responder1.post("/api/v1/me/notifications/read", { data: { ids: [requested.id] } })).status()).toBe(204);
  expect((await notificationsOf(token.responder2)).here.find((n) => n.id === requested.id)!.readAt).toBeNull();
  expect((await token.responder2.post("/api/v1/me/notifications/read", { data: { ids: [reminder.id] } })).status()).toBe(204);
  const unread = await notificationsOf(token.responder2, "unreadOnly=true&limit=100");
  expect(unread.items.every((n) => n.readAt === null)).toBe(true);
  expect(unread.here.map((n) => n.id)).not.toContain(reminder.id);
  expect(unread.here.map((n) => n.id)).toContain(requested.id);
  expect((await session.responder2.post("/api/v1/me/notifications/read", { data: {} })).status()).toBe(204);
  expect((await notificationsOf(token.responder2)).here.every((n) => n.readAt !== null)).toBe(true);

  await expectError(await token.responder2.get("/api/v1/me/notifications?limit=0"), 400, "VALIDATION_FAILED");
  await expectError(await token.responder2.get("/api/v1/me/notifications?unreadOnly=maybe"), 400, "VALIDATION_FAILED");
  await expectError(await token.responder2.post("/api/v1/me/notifications/read", { data: { ids: "all" } }), 400, "VALIDATION_FAILED");
});

test("after the reveal everyone in the review reads every account; nobody can change them, but an author can append a late addition", async () => {
  const { session, token } = people;
  const review = await startIndependentReview(session.facilitator);
  const [words1, words2, entry1, late2] = [marker("echo"), marker("foxtrot"), marker("golf"), marker("hotel")];
  await write(session.responder1, review.id, doc(`The alert ${words1} woke me.`));
  const entry = await expectJson<TimelineEntry>(await api.addEntry(session.responder1, review.id, { occurredAt: anHourAgo(), description: `Paged ${entry1}`, kind: "ALERT" }), 201);
  await expectJson(await api.submit(session.responder1, review.id), 200);
  const version2 = await write(session.responder2, review.id, doc(`I was deploying ${words2} at the time.`));

  // Late additions wait for the reveal.
  await expectError(await api.late(session.responder2, review.id, doc("Too early")), 403, "FORBIDDEN");
  await reveal(session.facilitator, review.id);

  for (const via of VIAS) {
    for (const who of ["responder1", "responder2", "facilitator", "observer", "admin"] as const) {
      const text = await bodyText(await api.list(people[via][who], review.id), 200);
      for (const word of [words1, words2, entry1]) expect(text, `${via} ${who}`).toContain(word);
      const list = JSON.parse(text) as AccountList;
      expect(list).toMatchObject({ revealed: true, anonymised: false });
      expect(list.accounts.map((a) => [a.author.name, a.status, a.own])).toEqual([
        [NAMES.responder1, "SUBMITTED", who === "responder1"],
        [NAMES.responder2, "DRAFTING", who === "responder2"],
      ]);
      expect(list.accounts[0]!.timeline).toEqual([expect.objectContaining({ id: entry.id, description: `Paged ${entry1}`, kind: "ALERT" })]);
    }
    for (const who of ["pm", "responder3"] as const) await expectError(await api.list(people[via][who], review.id), 404, "NOT_FOUND");
  }

  // Read-only now: every write is refused and nothing changes.
  const saved = await expectError(await api.save(session.responder2, review.id, doc("Rewritten after reading the others"), version2), 409, "CONFLICT");
  expect(saved.message).toContain("revealed");
  await expectError(await api.save(token.responder2, review.id, doc("Rewritten"), version2), 409, "CONFLICT");
  await expectError(await api.submit(session.responder2, review.id), 409, "CONFLICT");
  await expectError(await api.reopen(session.responder1, review.id), 409, "CONFLICT");
  await expectError(await api.addEntry(session.responder1, review.id, { occurredAt: anHourAgo(), description: "Later", kind: "ACTION" }), 409, "CONFLICT");
  await expectError(await api.updateEntry(session.responder1, review.id, entry.id, { occurredAt: anHourAgo(), description: "Changed", kind: "ACTION" }), 409, "CONFLICT");
  await expectError(await api.deleteEntry(token.responder1, review.id, entry.id), 409, "CONFLICT");
  const own = await expectJson<MyAccount>(await api.me(session.responder2, review.id), 200);
  expect(own).toMatchObject({ phase: "GROUP", version: version2, status: "DRAFTING", content: doc(`I was deploying ${words2} at the time.`) });
  expect(own.abilities).toEqual({ edit: false, submit: false, reopen: false, appendLate: true });
  expect((await expectJson<MyAccount>(await api.me(session.responder1, review.id), 200)).timeline).toEqual([expect.objectContaining({ description: `Paged ${entry1}` })]);
  await expectError(await api.remind(session.facilitator, review.id), 403, "FORBIDDEN");
  await expectError(await api.configure(session.facilitator, review.id, { anonymise: true }), 403, "FORBIDDEN");
  expectNone(await bodyText(await api.status(session.facilitator, review.id), 200), [words1, words2, entry1], "status board after the reveal");

  // A late addition: appended, marked, readable by everyone in the review.
  const addition = doc(`Late: I later found ${late2} in the runbook.`);
  const added = await expectJson<{ id: string; content: DocNode; createdAt: string }>(await api.late(token.responder2, review.id, addition), 201);
  expect(added).toEqual({ id: expect.any(String), content: addition, createdAt: expect.any(String) });
  const seen = await expectJson<AccountList>(await api.list(session.observer, review.id), 200);
  expect(seen.accounts[1]!.lateAdditions).toEqual([expect.objectContaining({ id: added.id, content: addition })]);
  expect(seen.accounts[1]!.content).toEqual(doc(`I was deploying ${words2} at the time.`));
  expect((await expectJson<MyAccount>(await api.me(session.responder2, review.id), 200)).lateAdditions.map((l) => l.id)).toEqual([added.id]);

  const empty = await expectError(await api.late(session.responder2, review.id, { type: "doc", content: [{ type: "paragraph" }] }), 400, "VALIDATION_FAILED");
  expect(empty.message).toContain("empty");
  const unsafe = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "see", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] };
  await expectError(await api.late(session.responder2, review.id, unsafe), 400, "VALIDATION_FAILED");
  for (const who of ["facilitator", "observer", "admin"] as const) await expectError(await api.late(session[who], review.id, doc("Not mine to add")), 404, "NOT_FOUND");
  expect((await expectJson<AccountList>(await api.list(session.admin, review.id), 200)).accounts[1]!.lateAdditions).toHaveLength(1);
});

test("with anonymised accounts, authors are Responder A and B to everyone but admins — and to themselves", async () => {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator, { anonymise: true });
  const [words1, words2] = [marker("india"), marker("juliet")];
  // responder2 starts first: the letters follow neither this order nor the order people joined in.
  await write(session.responder2, review.id, doc(`Queue ${words2} backed up.`));
  await write(session.responder1, review.id, doc(`Disk ${words1} filled.`));
  await expectJson(await api.addEntry(session.responder1, review.id, { occurredAt: anHourAgo(), description: "Rotated logs", kind: "ACTION" }), 201);
  await reveal(session.facilitator, review.id);
  await expectJson(await api.late(session.responder2, review.id, doc("One more thing.")), 201);

  const identity = {
    responder1: [NAMES.responder1, "responder1@", review.userId.responder1!, "Riley"],
    responder2: [NAMES.responder2, "responder2@", review.userId.responder2!, "Sam "],
  };
  const byWords = (list: AccountList) => {
    const find = (w: string) => list.accounts.find((a) => JSON.stringify(a.content).includes(w))!;
    return { one: find(words1), two: find(words2) };
  };
  // Admins see who is who, and which letter each drew at the reveal.
  const forAdmin = byWords(await expectJson<AccountList>(await api.list(session.admin, review.id), 200));
  const label = { responder1: forAdmin.one.author.label, responder2: forAdmin.two.author.label };
  expect([label.responder1, label.responder2].sort()).toEqual(["Responder A", "Responder B"]);

  for (const via of VIAS) {
    for (const who of ["facilitator", "observer"] as const) {
      const text = await bodyText(await api.list(people[via][who], review.id), 200);
      expectNone(text, [...identity.responder1, ...identity.responder2], `${via} ${who}'s anonymised list`);
      const list = JSON.parse(text) as AccountList;
      expect(list).toMatchObject({ revealed: true, anonymised: true });
      // In letter order, whoever wrote first.
      expect(list.accounts.map((a) => a.author.name)).toEqual(["Responder A", "Responder B"]);
      const { one, two } = byWords(list);
      expect(one.author).toEqual({ id: null, name: label.responder1, label: label.responder1 });
      expect(two.author).toEqual({ id: null, name: label.responder2, label: label.responder2 });
    }
    for (const [who, mine, theirs] of [
      ["responder1", "one", "responder2"],
      ["responder2", "two", "responder1"],
    ] as const) {
      const text = await bodyText(await api.list(people[via][who], review.id), 200);
      expectNone(text, identity[theirs], `${via} ${who}'s anonymised list`);
      const accounts = byWords(JSON.parse(text) as AccountList);
      const other = mine === "one" ? accounts.two : accounts.one;
      expect(accounts[mine]).toMatchObject({ own: true, author: { id: review.userId[who], name: NAMES[who], label: label[who] } });
      expect(other).toMatchObject({ own: false, author: { id: null, name: label[theirs] } });
    }
    const admin = byWords(await expectJson<AccountList>(await api.list(people[via].admin, review.id), 200));
    expect(admin.one.author).toEqual({ id: review.userId.responder1, name: NAMES.responder1, label: label.responder1 });
    expect(admin.two.author).toEqual({ id: review.userId.responder2, name: NAMES.responder2, label: label.responder2 });
  }
});

test("a responder removed before the reveal keeps their draft to themselves", async () => {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator);
  const [words1, words2] = [marker("kilo"), marker("mike")];
  await write(session.responder1, review.id, doc(`Replica ${words1} lagged.`));
  await write(session.responder2, review.id, doc(`A draft ${words2} I never meant to share.`));
  const removed = await session.facilitator.delete(`/api/v1/reviews/${review.id}/participants/${review.participantId.responder2}`);
  expect(removed.status()).toBe(204);
  await expectError(await api.me(session.responder2, review.id), 404, "NOT_FOUND");
  await reveal(session.facilitator, review.id);

  for (const who of ["responder1", "facilitator", "observer", "admin"] as const) {
    const text = await bodyText(await api.list(people.token[who], review.id), 200);
    expectNone(text, [words2], `${who}'s list after the reveal`);
    expect((JSON.parse(text) as AccountList).accounts).toHaveLength(1);
    expect(text).toContain(words1);
  }
});

/**
 * REST API v1, independent accounts — writing one's own: save and read back, stale saves (409
 * with the stored version, nothing overwritten), submit and reopen, the personal timeline, the
 * facilitator's settings, and bad input of every kind refused with a clear message and nothing
 * stored. Every test makes its own incident and review; who may read what is in
 * api-accounts-independence.spec.ts.
 */
import { expect, test } from "@playwright/test";
import { baseUrlOf, expectError, expectJson } from "./support/api-client";
import {
  api,
  doc,
  signInEveryone,
  startIndependentReview,
  write,
  type DocNode,
  type MyAccount,
  type People,
  type TimelineEntry,
} from "./support/accounts-api";

let people: People;

test.beforeAll(async ({ playwright }, testInfo) => {
  people = await signInEveryone(playwright, baseUrlOf(testInfo));
});

test.afterAll(async () => {
  await people?.dispose();
});

const json = { "content-type": "application/json" };

/** `date` written in a fixed offset, e.g. 2026-11-20T15:05:00.000+01:00 — the same instant. */
function withOffset(date: Date, offsetHours: number): string {
  const local = new Date(date.getTime() + offsetHours * 3_600_000).toISOString().slice(0, -1);
  const sign = offsetHours < 0 ? "-" : "+";
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, "0")}:00`;
}

test("a responder saves their account and reads it back; a stale save is a 409 with the stored version and overwrites nothing", async () => {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator);

  const fresh = await expectJson<MyAccount>(await api.me(session.responder1, review.id), 200);
  expect(fresh).toMatchObject({ reviewId: review.id, phase: "INDEPENDENT", status: "NOT_STARTED", version: 0, wordCount: 0, lastEditedAt: null, submittedAt: null });
  expect(fresh.content).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  expect(fresh.prompts.length).toBeGreaterThanOrEqual(5);
  expect(fresh.prompts[0]).toEqual({ id: expect.any(String), title: expect.any(String), hint: expect.any(String) });
  expect(fresh.abilities).toEqual({ edit: true, submit: false, reopen: false, appendLate: false });

  const first: DocNode = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What I saw" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "The " },
          { type: "text", text: "checkout dashboard", marks: [{ type: "link", attrs: { href: "https://grafana.example.com/d/checkout" } }] },
          { type: "text", text: " went red at 14:05.", marks: [{ type: "bold" }] },
        ],
      },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Paged at 14:07" }] }] }] },
    ],
  };
  const saved = await expectJson<{ version: number; savedAt: string; wordCount: number }>(await api.save(session.responder1, review.id, first, 0), 200);
  expect(saved).toEqual({ version: 1, savedAt: expect.any(String), wordCount: 15 });
  expect(Date.parse(saved.savedAt)).toBeGreaterThan(Date.now() - 60_000);

  const read = await expectJson<MyAccount>(await api.me(session.responder1, review.id), 200);
  expect(read).toMatchObject({ content: first, version: 1, status: "DRAFTING", wordCount: 15, lastEditedAt: saved.savedAt });
  expect(read.abilities).toEqual({ edit: true, submit: true, reopen: false, appendLate: false });

  const second = doc("I restarted the payment gateway pods.");
  expect((await expectJson<{ version: number }>(await api.save(session.responder1, review.id, second, 1), 200)).version).toBe(2);

  // Another tab, still on version 1, saves: refused, with what is stored now.
  const staleDoc = doc("An older draft from another tab.");
  const stale = await expectError(await api.save(session.responder1, review.id, staleDoc, 1), 409, "CONFLICT");
  expect(stale.message).toContain("changed elsewhere");
  const current = (stale as { details?: { current?: { version: number; content: DocNode; savedAt: string } } }).details?.current;
  expect(current).toEqual({ version: 2, content: second, savedAt: expect.any(String) });
  // A version from the future is just as stale.
  await expectError(await api.save(session.responder1, review.id, staleDoc, 7), 409, "CONFLICT");

  const after = await expectJson<MyAccount>(await api.me(session.responder1, review.id), 200);
  expect(after).toMatchObject({ version: 2, content: second, wordCount: 6 });
  expect(after.lastEditedAt).toBe(current!.savedAt);

  // The first save of an account must be based on version 0; otherwise the (empty) current state comes back.
  const none = await expectError(await api.save(session.responder2, review.id, doc("Hello"), 3), 409, "CONFLICT");
  expect((none as { details?: unknown }).details).toEqual({ current: { version: 0, content: null, savedAt: null } });
  expect((await expectJson<MyAccount>(await api.me(session.responder2, review.id), 200)).status).toBe("NOT_STARTED");

  // Through an API token, the same account.
  const viaToken = await expectJson<MyAccount>(await api.me(people.token.responder1, review.id), 200);
  expect(viaToken).toMatchObject({ version: 2, content: second });
  expect((await expectJson<{ version: number }>(await api.save(people.token.responder1, review.id, first, 2), 200)).version).toBe(3);
});

test("a submitted account refuses saves until its author reopens it", async () => {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator);

  const empty = await expectError(await api.submit(session.responder1, review.id), 409, "CONFLICT");
  expect(empty.message).toContain("empty");
  await expectError(await api.reopen(session.responder1, review.id), 409, "CONFLICT");

  const text = doc("We rolled back the certificate bundle.");
  const version = await write(session.responder1, review.id, text);
  const submitted = await expectJson<MyAccount>(await api.submit(session.responder1, review.id), 200);
  expect(submitted).toMatchObject({ status: "SUBMITTED", version, content: text });
  expect(Date.parse(submitted.submittedAt!)).toBeGreaterThan(Date.now() - 60_000);
  expect(submitted.abilities).toEqual({ edit: false, submit: false, reopen: true, appendLate: false });
  await expectError(await api.submit(session.responder1, review.id), 409, "CONFLICT");

  const refused = await expectError(await api.save(session.responder1, review.id, doc("A later change"), version), 409, "CONFLICT");
  expect(refused.message).toContain("Reopen");
  const entry = { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: "Alert fired", kind: "ALERT" };
  await expectError(await api.addEntry(session.responder1, review.id, entry), 409, "CONFLICT");
  expect(await expectJson<MyAccount>(await api.me(session.responder1, review.id), 200)).toMatchObject({ status: "SUBMITTED", version, content: text, timeline: [] });

  // Nobody else can submit or reopen it: they have no account of their own here.
  for (const who of ["facilitator", "observer", "admin"] as const) {
    await expectError(await api.submit(session[who], review.id), 404, "NOT_FOUND");
    await expectError(await api.reopen(session[who], review.id), 404, "NOT_FOUND");
  }

  const reopened = await expectJson<MyAccount>(await api.reopen(session.responder1, review.id), 200);
  expect(reopened).toMatchObject({ status: "DRAFTING", submittedAt: null, abilities: { edit: true, submit: true, reopen: false } });
  await expectError(await api.reopen(session.responder1, review.id), 409, "CONFLICT");
  const changed = doc("We rolled back the certificate bundle, then re-pinned it.");
  expect((await expectJson<{ version: number }>(await api.save(session.responder1, review.id, changed, version), 200)).version).toBe(version + 1);
  expect((await expectJson<MyAccount>(await api.submit(people.token.responder1, review.id), 200)).status).toBe("SUBMITTED");
});

test("the personal timeline: add (201), list, replace, delete (204); bad times and links are named", async () => {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator);
  const r1 = session.responder1;

  const at = new Date(Date.now() - 2 * 3_600_000);
  at.setMilliseconds(0);
  const added = await expectJson<TimelineEntry & { createdAt: string }>(
    await api.addEntry(r1, review.id, {
      occurredAt: withOffset(at, 1),
      timezone: "Europe/Berlin",
      description: "  Saw 502s on the checkout dashboard  ",
      kind: "OBSERVATION",
      evidenceUrl: "https://grafana.example.com/d/checkout?from=now-6h",
    }),
    201,
  );
  expect(added).toMatchObject({
    occurredAt: at.toISOString(),
    timezone: "Europe/Berlin",
    description: "Saw 502s on the checkout dashboard",
    kind: "OBSERVATION",
    evidenceUrl: "https://grafana.example.com/d/checkout?from=now-6h",
  });
  for (const internal of ["accountId", "authorId", "reviewId"]) expect(Object.keys(added)).not.toContain(internal);
  const second = await expectJson<TimelineEntry>(
    await api.addEntry(r1, review.id, { occurredAt: new Date(at.getTime() + 600_000).toISOString(), description: "Rolled back", kind: "ACTION" }),
    201,
  );
  expect(second).toMatchObject({ timezone: "UTC", evidenceUrl: null });

  const listed = await expectJson<TimelineEntry[]>(await api.timeline(r1, review.id), 200);
  expect(listed.map((e) => e.id)).toEqual([added.id, second.id]);
  const account = await expectJson<MyAccount>(await api.me(r1, review.id), 200);
  expect(account.timeline.map((e) => e.id)).toEqual([added.id, second.id]);
  // Starting with the timeline starts the account.
  expect(account.status).toBe("DRAFTING");

  const replaced = await expectJson<TimelineEntry>(
    await api.updateEntry(r1, review.id, added.id, { occurredAt: at.toISOString(), description: "Saw 502s; paged the payments on-call", kind: "COMMUNICATION" }),
    200,
  );
  expect(replaced).toMatchObject({ id: added.id, description: "Saw 502s; paged the payments on-call", kind: "COMMUNICATION", evidenceUrl: null, timezone: "UTC" });

  // Bad input: each is named, with a message for people.
  const valid = { occurredAt: at.toISOString(), description: "Something", kind: "ACTION" };
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ occurredAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }, "occurredAt", /future/],
    [{ occurredAt: "2999-01-01T00:00:00Z" }, "occurredAt", /future/],
    [{ occurredAt: "1970-01-01T00:00:00Z" }, "occurredAt", /too far in the past/],
    [{ occurredAt: "yesterday afternoon" }, "occurredAt", /ISO 8601/],
    [{ occurredAt: "2026-11-20T14:05:00" }, "occurredAt", /time zone/],
    [{ occurredAt: 1763647500000 }, "occurredAt", /ISO 8601/],
    [{ evidenceUrl: "javascript:alert(document.cookie)" }, "evidenceUrl", /http/],
    [{ evidenceUrl: " JavaScript:alert(1)" }, "evidenceUrl", /http/],
    [{ evidenceUrl: "data:text/html,<script>alert(1)</script>" }, "evidenceUrl", /http/],
    [{ kind: "BLAME" }, "kind", /observation/],
    [{ timezone: "Mars/Olympus_Mons" }, "timezone", /timezone/i],
    [{ description: "   " }, "description", /happened/],
    [{ description: "x".repeat(2001) }, "description", /2,000/],
  ];
  for (const [change, field, message] of cases) {
    const what = JSON.stringify(change).slice(0, 80);
    const error = await expectError(await api.addEntry(r1, review.id, { ...valid, ...change }), 400, "VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {}), what).toEqual([field]);
    expect(error.fields![field]![0], what).toMatch(message);
    const onUpdate = await expectError(await api.updateEntry(r1, review.id, second.id, { ...valid, ...change }), 400, "VALIDATION_FAILED");
    expect(Object.keys(onUpdate.fields ?? {}), what).toEqual([field]);
  }
  const missing = await expectError(await api.addEntry(r1, review.id, {}), 400, "VALIDATION_FAILED");
  expect(Object.keys(missing.fields ?? {}).sort()).toEqual(["description", "kind", "occurredAt"]);
  expect((await expectJson<TimelineEntry[]>(await api.timeline(r1, review.id), 200)).map((e) => [e.id, e.description])).toEqual([
    [added.id, "Saw 502s; paged the payments on-call"],
    [second.id, "Rolled back"],
  ]);

  // Markup in a description is kept as text.
  const markup = '<img src=x onerror="alert(1)"><script>alert("timeline")</script>';
  const inert = await expectJson<TimelineEntry>(await api.addEntry(r1, review.id, { ...valid, description: markup }), 201);
  expect(inert.description).toBe(markup);

  // Someone else's entry is not found, for another responder and for the facilitator alike.
  for (const other of [session.responder2, people.token.responder2]) {
    await expectError(await api.updateEntry(other, review.id, added.id, valid), 404, "NOT_FOUND");
    await expectError(await api.deleteEntry(other, review.id, added.id), 404, "NOT_FOUND");
    expect(await expectJson<TimelineEntry[]>(await api.timeline(other, review.id), 200)).toEqual([]);
  }
  await expectError(await api.timeline(session.facilitator, review.id), 404, "NOT_FOUND");
  await expectError(await api.addEntry(session.facilitator, review.id, valid), 404, "NOT_FOUND");
  await expectError(await api.deleteEntry(session.facilitator, review.id, added.id), 404, "NOT_FOUND");

  const deleted = await r1.delete(`/api/v1/reviews/${review.id}/accounts/me/timeline/${added.id}`);
  expect(deleted.status()).toBe(204);
  expect(await deleted.text()).toBe("");
  await expectError(await api.deleteEntry(r1, review.id, added.id), 404, "NOT_FOUND");
  await expectError(await api.updateEntry(r1, review.id, "no-such-entry", valid), 404, "NOT_FOUND");
  expect((await expectJson<TimelineEntry[]>(await api.timeline(people.token.responder1, review.id), 200)).map((e) => e.id)).toEqual([inert.id, second.id]);
});

test("documents that are too large, malformed or carry unsafe links are refused with a clear message, and nothing is stored", async () => {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator);
  const r1 = session.responder1;
  const good = doc("The gateway rejected every handshake.");
  const version = await write(r1, review.id, good);

  // A long but acceptable account (~150 KB) saves.
  const paragraph = "The connection pool kept retrying against the old primary while the new one waited idle. ".repeat(11);
  const long = doc(...Array.from({ length: 150 }, () => paragraph));
  const longSaved = await expectJson<{ version: number; wordCount: number }>(await api.save(r1, review.id, long, version), 200);
  expect(longSaved.version).toBe(version + 1);
  expect(longSaved.wordCount).toBe(150 * 11 * 15);
  const base = longSaved.version;

  // Over 200 KB: refused, saying how large it is and what the limit is.
  const huge = doc(...Array.from({ length: 260 }, () => paragraph));
  const tooLarge = await expectError(await api.save(r1, review.id, huge, base), 400, "VALIDATION_FAILED");
  expect(tooLarge.message).toMatch(/too long: \d+ KB, the limit is 200 KB/);
  expect(tooLarge.fields?.content?.[0]).toMatch(/limit is 200 KB/);

  const link = (href: string): DocNode => ({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "click me", marks: [{ type: "link", attrs: { href } }] }] }],
  });
  const bad: [unknown, RegExp][] = [
    [{ type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] }, /“script” is not supported/],
    [{ type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] }, /“iframe” is not supported/],
    [{ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "onclick" }] }] }] }, /“onclick” is not supported/],
    [link("javascript:alert(document.cookie)"), /Links must start with http/],
    [link("JAVASCRIPT:alert(1)"), /Links must start with http/],
    [link("  javascript:alert(1)"), /Links must start with http/],
    [link("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="), /Links must start with http/],
    [link("vbscript:msgbox(1)"), /Links must start with http/],
    [{ type: "paragraph", content: [{ type: "text", text: "not a document" }] }, /must be a document/],
    [{ type: "doc", content: "not a list" }, /./],
    ["<p>HTML is not a document</p>", /./],
    [null, /./],
  ];
  for (const [content, message] of bad) {
    const what = JSON.stringify(content).slice(0, 80);
    const error = await expectError(await api.save(r1, review.id, content, base), 400, "VALIDATION_FAILED");
    expect(error.message, what).toMatch(message);
    expect(Object.keys(error.fields ?? {}).every((f) => f.startsWith("content")), what).toBe(true);
  }
  let deep: DocNode = { type: "paragraph", content: [{ type: "text", text: "deep" }] };
  for (let i = 0; i < 40; i++) deep = { type: "blockquote", content: [deep] };
  expect((await expectError(await api.save(r1, review.id, { type: "doc", content: [deep] }, base), 400, "VALIDATION_FAILED")).message).toContain("nested too deeply");

  const noVersion = await expectError(await r1.put(`/api/v1/reviews/${review.id}/accounts/me`, { data: { content: good } }), 400, "VALIDATION_FAILED");
  expect(noVersion.fields?.baseVersion?.[0]).toContain("baseVersion");
  await expectError(await api.save(r1, review.id, good, -1), 400, "VALIDATION_FAILED");
  await expectError(await api.save(r1, review.id, good, "1"), 400, "VALIDATION_FAILED");
  const noContent = await expectError(await r1.put(`/api/v1/reviews/${review.id}/accounts/me`, { data: { baseVersion: base } }), 400, "VALIDATION_FAILED");
  expect(Object.keys(noContent.fields ?? {})).toEqual(["content"]);
  const notJson = await expectError(await r1.put(`/api/v1/reviews/${review.id}/accounts/me`, { data: Buffer.from('{"content": {"type": "doc"'), headers: json }), 400, "BAD_REQUEST");
  expect(notJson.message).toContain("JSON");

  // Nothing of it was stored.
  expect(await expectJson<MyAccount>(await api.me(r1, review.id), 200)).toMatchObject({ version: base, content: long, wordCount: longSaved.wordCount });

  // Markup typed into the text is text: stored and returned verbatim as a text node, never as markup.
  const markup = `<script>alert("owned")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>`;
  const withMarkup: DocNode = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: markup }] }] };
  await expectJson(await api.save(r1, review.id, withMarkup, base), 200);
  const res = await api.me(r1, review.id);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  const stored = await expectJson<MyAccount>(res, 200);
  expect(stored.content).toEqual(withMarkup);
  expect(stored.content.content![0]!.content![0]).toEqual({ type: "text", text: markup });
  const own = await expectJson<{ accounts: { content: DocNode }[] }>(await api.list(r1, review.id), 200);
  expect(own.accounts[0]!.content).toEqual(withMarkup);
});

test("the facilitator sets the deadline, anonymisation and prompts before the reveal; bad values are named", async () => {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator);
  const deadline = new Date(Date.now() + 3 * 86_400_000);
  deadline.setMilliseconds(0);
  const prompts = [
    { id: "first", title: "How did you first hear of it?", hint: "A page, a message, a customer?" },
    { id: "hard", title: "What made this hard to see at the time?" },
  ];
  type Settings = { deadline: string | null; anonymise: boolean; prompts: { id: string; title: string; hint: string }[]; defaultPrompts: boolean };
  const set = await expectJson<Settings>(await api.configure(session.facilitator, review.id, { deadline: withOffset(deadline, -5), anonymise: true, prompts }), 200);
  expect(set).toEqual({ deadline: deadline.toISOString(), anonymise: true, prompts: [prompts[0], { ...prompts[1], hint: "" }], defaultPrompts: false });
  expect(await expectJson<MyAccount>(await api.me(session.responder2, review.id), 200)).toMatchObject({ deadline: deadline.toISOString(), prompts: set.prompts });
  expect(await expectJson(await api.status(session.facilitator, review.id), 200)).toMatchObject({ deadline: deadline.toISOString(), anonymise: true });

  // Partial changes leave the rest; null removes the deadline and restores the default prompts.
  expect(await expectJson<Settings>(await api.configure(session.facilitator, review.id, { anonymise: false }), 200)).toMatchObject({ anonymise: false, deadline: deadline.toISOString() });
  const reset = await expectJson<Settings>(await api.configure(session.facilitator, review.id, { deadline: null, prompts: null }), 200);
  expect(reset).toMatchObject({ deadline: null, anonymise: false, defaultPrompts: true });
  expect(reset.prompts.length).toBeGreaterThanOrEqual(5);
  expect((await expectJson<MyAccount>(await api.me(session.responder2, review.id), 200)).prompts).toEqual(reset.prompts);

  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ deadline: new Date(Date.now() - 86_400_000).toISOString() }, "deadline", /future/],
    [{ deadline: "next friday" }, "deadline", /ISO 8601/],
    [{ deadline: "2030-01-01T10:00:00" }, "deadline", /time zone/],
    [{ prompts: [] }, "prompts", /at least one prompt/],
    [{ prompts: [{ id: "x", title: "?" }] }, "prompts.0.title", /at least 3 characters/],
    [{ anonymise: "yes" }, "anonymise", /./],
  ];
  for (const [body, field, message] of cases) {
    const error = await expectError(await api.configure(session.facilitator, review.id, body), 400, "VALIDATION_FAILED");
    expect(error.fields?.[field]?.[0], JSON.stringify(body)).toMatch(message);
  }

  for (const who of ["responder1", "observer"] as const) {
    for (const client of [session[who], people.token[who]]) {
      const refused = await expectError(await api.configure(client, review.id, { anonymise: true }), 403, "FORBIDDEN");
      expect(refused.message).toContain("facilitator");
    }
  }
  await expectError(await api.configure(session.pm, review.id, { anonymise: true }), 404, "NOT_FOUND");
  expect((await expectJson<Settings>(await api.configure(people.token.admin, review.id, { anonymise: true }), 200)).anonymise).toBe(true);
  expect(await expectJson(await api.status(session.facilitator, review.id), 200)).toMatchObject({ deadline: null, anonymise: true });
});

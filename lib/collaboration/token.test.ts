import { describe, expect, it } from "vitest";
import { collabSecret, signCollabToken, verifyCollabToken } from "./token";

const secret = "s".repeat(40);
const input = { userId: "u1", reviewId: "r1", document: "review:r1:narrative" };

describe("collaboration tokens", () => {
  it("round-trips the claims and expires after five minutes", () => {
    const now = Date.UTC(2026, 10, 26, 12, 0, 0);
    const { token, expiresAt } = signCollabToken(input, secret, { now });
    expect(expiresAt.getTime() - now).toBe(5 * 60_000);
    const ok = verifyCollabToken(token, secret, now + 4 * 60_000);
    expect(ok).toEqual({ ok: true, claims: expect.objectContaining({ sub: "u1", rid: "r1", doc: "review:r1:narrative", aud: "debrief-collab" }) });
    expect(verifyCollabToken(token, secret, now + 5 * 60_000 + 10_000)).toEqual({ ok: false, problem: "expired" });
  });

  it("refuses another secret's signature, edited claims, and junk", () => {
    const { token } = signCollabToken(input, secret);
    expect(verifyCollabToken(token, "t".repeat(40))).toEqual({ ok: false, problem: "invalid" });
    const [h, , s] = token.split(".");
    const edited = Buffer.from(JSON.stringify({ sub: "admin", rid: "r1", doc: "review:r1:narrative", iat: 0, exp: 4e9, aud: "debrief-collab" })).toString("base64url");
    expect(verifyCollabToken(`${h}.${edited}.${s}`, secret)).toEqual({ ok: false, problem: "invalid" });
    const none = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    expect(verifyCollabToken(`${none}.${token.split(".")[1]}.`, secret)).toEqual({ ok: false, problem: "invalid" });
    for (const junk of ["", "a.b", "a.b.c", "...", token.slice(0, -2)]) expect(verifyCollabToken(junk, secret).ok).toBe(false);
  });

  it("derives its secret from AUTH_SECRET unless COLLAB_SECRET is set", () => {
    const derived = collabSecret({ AUTH_SECRET: "a".repeat(32) });
    expect(derived).not.toBe("a".repeat(32));
    expect(collabSecret({ AUTH_SECRET: "a".repeat(32) })).toBe(derived);
    expect(collabSecret({ AUTH_SECRET: "b".repeat(32) })).not.toBe(derived);
    expect(collabSecret({ AUTH_SECRET: "a".repeat(32), COLLAB_SECRET: "c".repeat(32) })).toBe("c".repeat(32));
    expect(() => collabSecret({})).toThrow(/AUTH_SECRET/);
  });
});

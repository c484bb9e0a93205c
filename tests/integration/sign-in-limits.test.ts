/**
 * Rate limiting of failed password sign-ins (lib/auth/sign-in-attempts.ts) on the real database.
 * Every test uses its own address and client address, so tests in parallel never share counts.
 */
import { describe, expect, it } from "vitest";
import {
  checkSignInLimit,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  recordSignInAttempt,
  WINDOW_MS,
} from "../../lib/auth/sign-in-attempts";
import { db } from "../../lib/db/client";
import { uid } from "../support/factories";

const address = () => `limits-${uid()}@test.example`;
const clientAddress = () => `198.51.100.${uid()}`;

async function fail(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) await recordSignInAttempt(email, ip, false);
}

describe("failed sign-ins per address", () => {
  it("allows four failures, then blocks the fifth failure's address for the rest of the 15-minute window", async () => {
    expect(MAX_FAILURES_PER_EMAIL).toBe(5);
    expect(WINDOW_MS).toBe(15 * 60 * 1000);
    const email = address();
    const ip = clientAddress();
    await expect(checkSignInLimit(email, ip)).resolves.toEqual({ allowed: true });
    await fail(email, ip, 4);
    await expect(checkSignInLimit(email, ip)).resolves.toEqual({ allowed: true });
    await fail(email, ip, 1);
    const limit = await checkSignInLimit(email, ip);
    expect(limit.allowed).toBe(false);
    if (limit.allowed) return;
    // Blocked until the oldest of the five failures leaves the window: just under 15 minutes now.
    expect(limit.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(limit.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("blocks from any client address, since the limit protects the account", async () => {
    const email = address();
    await fail(email, clientAddress(), 5);
    await expect(checkSignInLimit(email, clientAddress())).resolves.toMatchObject({ allowed: false });
  });

  it("counts the retry time from the oldest failure in the window, and lets go once it has passed", async () => {
    const email = address();
    const ip = clientAddress();
    const now = new Date();
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    // Five failures, 10, 8, 6, 4 and 2 minutes ago: the oldest leaves the window in 5 minutes.
    await db().signInAttempt.createMany({ data: [10, 8, 6, 4, 2].map((m) => ({ email, ip, success: false, createdAt: minutesAgo(m) })) });
    await expect(checkSignInLimit(email, ip, now)).resolves.toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
    const later = new Date(now.getTime() + 5 * 60_000 + 1000);
    await expect(checkSignInLimit(email, ip, later)).resolves.toEqual({ allowed: true });
  });

  it("ignores failures older than the window", async () => {
    const email = address();
    const ip = clientAddress();
    const old = new Date(Date.now() - WINDOW_MS - 60_000);
    await db().signInAttempt.createMany({ data: Array.from({ length: 10 }, () => ({ email, ip, success: false, createdAt: old })) });
    await expect(checkSignInLimit(email, ip)).resolves.toEqual({ allowed: true });
    await fail(email, ip, 4);
    await expect(checkSignInLimit(email, ip)).resolves.toEqual({ allowed: true });
  });

  it("a successful sign-in clears the address's failures", async () => {
    const email = address();
    const ip = clientAddress();
    await fail(email, ip, 4);
    await recordSignInAttempt(email, ip, true);
    await expect(db().signInAttempt.count({ where: { email, success: false } })).resolves.toBe(0);
    // The count starts again: four more failures are still allowed.
    await fail(email, ip, 4);
    await expect(checkSignInLimit(email, ip)).resolves.toEqual({ allowed: true });
    await fail(email, ip, 1);
    await expect(checkSignInLimit(email, ip)).resolves.toMatchObject({ allowed: false });
  });

  it("does not affect other addresses, even from the same client address", async () => {
    const blocked = address();
    const other = address();
    const ip = clientAddress();
    await fail(blocked, ip, 5);
    await expect(checkSignInLimit(blocked, ip)).resolves.toMatchObject({ allowed: false });
    await expect(checkSignInLimit(other, ip)).resolves.toEqual({ allowed: true });
    await expect(checkSignInLimit(other, clientAddress())).resolves.toEqual({ allowed: true });
  });

  it("matches the address exactly (callers lower-case it first)", async () => {
    const email = address();
    const ip = clientAddress();
    await fail(email, ip, 5);
    await expect(checkSignInLimit(email, ip)).resolves.toMatchObject({ allowed: false });
    await expect(checkSignInLimit(`x${email}`, clientAddress())).resolves.toEqual({ allowed: true });
  });
});

describe("failed sign-ins per client address", () => {
  it(`blocks a client address after ${MAX_FAILURES_PER_IP} failures across many addresses, and only that client`, async () => {
    const ip = clientAddress();
    // Spread over many addresses, so no single address reaches its own limit.
    const emails = Array.from({ length: 10 }, address);
    await db().signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_IP - 1 }, (_, i) => ({ email: emails[i % emails.length]!, ip, success: false })),
    });
    const fresh = address();
    await expect(checkSignInLimit(fresh, ip)).resolves.toEqual({ allowed: true });
    await recordSignInAttempt(emails[0]!, ip, false);
    const limit = await checkSignInLimit(fresh, ip);
    expect(limit).toMatchObject({ allowed: false });
    if (!limit.allowed) expect(limit.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // The same (untouched) address from another client is fine.
    await expect(checkSignInLimit(fresh, clientAddress())).resolves.toEqual({ allowed: true });
  });

  it("does not count successful sign-ins", async () => {
    const ip = clientAddress();
    await db().signInAttempt.createMany({ data: Array.from({ length: MAX_FAILURES_PER_IP + 5 }, () => ({ email: address(), ip, success: true })) });
    await expect(checkSignInLimit(address(), ip)).resolves.toEqual({ allowed: true });
  });
});

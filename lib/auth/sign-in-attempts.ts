/**
 * Rate limiting of failed password sign-ins, stored in PostgreSQL so it holds across restarts
 * and instances: at most MAX_FAILURES_PER_EMAIL failures per address and MAX_FAILURES_PER_IP per
 * client address within WINDOW_MS.
 */
import { db } from "../db/client";

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export type SignInLimit = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether another password attempt for `email` from `ip` may be made now. */
export async function checkSignInLimit(email: string, ip: string, now = new Date()): Promise<SignInLimit> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db().signInAttempt.findMany({
      where: { email, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_EMAIL,
      select: { createdAt: true },
    }),
    db().signInAttempt.findMany({
      where: { ip, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_IP,
      select: { createdAt: true },
    }),
  ]);
  const blockedUntil = (rows: { createdAt: Date }[], max: number) =>
    rows.length >= max ? rows[rows.length - 1]!.createdAt.getTime() + WINDOW_MS : 0;
  const until = Math.max(blockedUntil(byEmail, MAX_FAILURES_PER_EMAIL), blockedUntil(byIp, MAX_FAILURES_PER_IP));
  if (until > now.getTime()) return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
  return { allowed: true };
}

export async function recordSignInAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await db().signInAttempt.create({ data: { email, ip, success } });
  if (success) {
    // A successful sign-in clears the address's failures: the owner is back.
    await db().signInAttempt.deleteMany({ where: { email, success: false } });
  }
}

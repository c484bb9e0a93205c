/**
 * A real install's first admin: created on first visit (the setup page, only while no user
 * exists) or at boot from DEBRIEF_ADMIN_EMAIL / DEBRIEF_ADMIN_PASSWORD.
 */
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/password";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";

export const createFirstAdminSchema = z
  .object({
    name: z.string().trim().min(1, "Tell us your name.").max(120),
    email: z.email("Give a valid e-mail address.").transform((e) => e.toLowerCase()),
    password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

/**
 * Serialises the transactions that may create an install's first user (the setup page, single
 * sign-on): whoever holds it sees every user created before, so exactly one becomes the admin.
 */
export async function lockFirstUser(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(724311002)`;
}

export async function needsSetup(): Promise<boolean> {
  return (await db().user.count()) === 0;
}

export async function createFirstAdmin(input: z.output<typeof createFirstAdminSchema>, via: "setup" | "environment" = "setup") {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    // Serialise concurrent first visits: only the first one becomes admin.
    await lockFirstUser(tx);
    if ((await tx.user.count()) > 0) throw new AppError("CONFLICT", "Debrief has been set up already. Sign in instead.");
    const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash, role: "ADMIN", emailVerified: new Date() } });
    await recordAuditEvent(tx, { type: "user.joined", actorId: user.id, subjectId: user.id, data: { email: user.email, via } });
    return user;
  });
}

/** At boot: creates the admin named by the environment when that address has no user yet. */
export async function ensureEnvironmentAdmin(email: string, password: string): Promise<boolean> {
  const address = email.toLowerCase();
  if (await db().user.findUnique({ where: { email: address }, select: { id: true } })) return false;
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const user = await tx.user.create({ data: { name: "Admin", email: address, passwordHash, role: "ADMIN", emailVerified: new Date() } });
    await recordAuditEvent(tx, { type: "user.joined", actorId: user.id, subjectId: user.id, data: { email: address, via: "environment" } });
  });
  return true;
}

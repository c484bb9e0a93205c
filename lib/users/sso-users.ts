/** People who join through single sign-on: Auth.js's adapter creates them through this. */
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { lockFirstUser } from "./first-admin";

export type SsoProfile = { name?: string | null; email: string; emailVerified?: Date | null; image?: string | null };

/**
 * Creates the user for a first single sign-on, with its `user.joined` audit event in the same
 * transaction. An install's first user (when nobody used the setup page) becomes its admin.
 */
export async function createSsoUser(profile: SsoProfile) {
  return db().$transaction(async (tx) => {
    await lockFirstUser(tx);
    const first = (await tx.user.count()) === 0;
    const user = await tx.user.create({
      data: {
        name: profile.name?.trim() || null,
        email: profile.email.trim().toLowerCase(),
        emailVerified: profile.emailVerified ?? null,
        image: profile.image ?? null,
        role: first ? "ADMIN" : "MEMBER",
      },
    });
    await recordAuditEvent(tx, { type: "user.joined", actorId: user.id, subjectId: user.id, data: { email: user.email, via: "sso" } });
    return user;
  });
}

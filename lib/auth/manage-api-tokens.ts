/** A user's personal API tokens: create (the token is returned once), list, revoke. */
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { generateApiToken } from "./api-tokens";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after where it will be used, e.g. “CI script”.").max(80, "At most 80 characters."),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

export async function createApiToken(actor: Actor, input: z.output<typeof createApiTokenSchema>) {
  const { token, prefix, tokenHash } = generateApiToken();
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: input.name,
        prefix,
        tokenHash,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
    });
    await recordAuditEvent(tx, { type: "api_token.created", actorId: actor.id, subjectId: created.id, data: { name: created.name } });
    return created;
  });
  return { id: row.id, name: row.name, prefix: row.prefix, expiresAt: row.expiresAt, token };
}

export async function listApiTokens(actor: Actor) {
  return db().apiToken.findMany({
    where: { userId: actor.id, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
}

export async function revokeApiToken(actor: Actor, tokenId: string) {
  const token = await db().apiToken.findUnique({ where: { id: tokenId } });
  if (!token || token.userId !== actor.id || token.revokedAt) throw AppError.notFound("API token");
  await db().$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { type: "api_token.revoked", actorId: actor.id, subjectId: tokenId, data: { name: token.name } });
  });
}

import { z } from "zod";
import { db } from "../db/client";
import { docSchema, docText, wordCount, type DocNode } from "../editor/doc";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { assertMayWrite, loadOwnAccountForWrite } from "./account-context";

export const saveAccountSchema = z.object({
  content: docSchema,
  baseVersion: z.number({ error: "Send the version this save is based on (baseVersion)." }).int().min(0),
});

function stale(current: { version: number; content: unknown; lastEditedAt: Date | null } | null) {
  return new AppError(
    "CONFLICT",
    "Your account was changed elsewhere (another tab or device) since this version. Choose which version to keep.",
    { details: { current: current ? { version: current.version, content: current.content, savedAt: current.lastEditedAt } : { version: 0, content: null, savedAt: null } } },
  );
}

/**
 * Saves the author's draft. The save names the version it was based on; a stale save (another tab
 * or device saved in between) is refused with CONFLICT and the current version, never merged or
 * overwritten. The update is conditional on the version, so racing saves cannot both win.
 */
export async function saveMyAccount(actor: Actor, reviewId: string, input: z.output<typeof saveAccountSchema>) {
  const { account, accountFacts } = await loadOwnAccountForWrite(actor, reviewId);
  assertMayWrite(actor, accountFacts);
  if (account?.status === "SUBMITTED") throw new AppError("CONFLICT", "Your account is submitted. Reopen it to make changes.");
  const content = input.content as DocNode;
  const text = docText(content);
  const now = new Date();
  const data = { content: content as object, text, wordCount: wordCount(text), lastEditedAt: now };

  if (!account) {
    if (input.baseVersion !== 0) throw stale(null);
    try {
      const created = await db().responderAccount.create({ data: { reviewId, authorId: actor.id, version: 1, ...data } });
      return { version: created.version, savedAt: now, wordCount: created.wordCount };
    } catch (e) {
      // A first save from another tab won the race.
      if ((e as { code?: string }).code === "P2002") {
        const current = await db().responderAccount.findUnique({ where: { reviewId_authorId: { reviewId, authorId: actor.id } } });
        throw stale(current);
      }
      throw e;
    }
  }
  // One conditional statement with the document as a single parameter: Prisma's query compiler
  // would otherwise walk the whole JSON value on every keystroke save (docs/BENCHMARKS.md, autosave).
  const updated = await db().$executeRaw`
    UPDATE "ResponderAccount"
    SET content = ${JSON.stringify(content)}::jsonb, text = ${text}, "wordCount" = ${data.wordCount},
        "lastEditedAt" = ${now}, "updatedAt" = ${now}, version = version + 1
    WHERE id = ${account.id} AND version = ${input.baseVersion} AND status = 'DRAFTING'`;
  if (updated !== 1) {
    const current = await db().responderAccount.findUniqueOrThrow({ where: { id: account.id } });
    if (current.status === "SUBMITTED") throw new AppError("CONFLICT", "Your account is submitted. Reopen it to make changes.");
    throw stale(current);
  }
  return { version: input.baseVersion + 1, savedAt: now, wordCount: data.wordCount };
}

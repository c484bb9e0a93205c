"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken, createApiTokenSchema, revokeApiToken } from "@/lib/auth/manage-api-tokens";
import { formAction } from "@/lib/http/action";
import { blanksAsMissing } from "@/lib/http/form-blanks";

export const createApiTokenAction = formAction(blanksAsMissing(createApiTokenSchema, ["expiresInDays"]), async (actor, input) => {
  const created = await createApiToken(actor, input);
  revalidatePath("/settings/tokens");
  return { name: created.name, token: created.token };
});

export const revokeApiTokenAction = formAction(z.object({ tokenId: z.string().min(1), name: z.string().default("") }), async (actor, input) => {
  await revokeApiToken(actor, input.tokenId);
  revalidatePath("/settings/tokens");
  return { name: input.name };
}, { successMessage: (d) => `Revoked “${d.name}”. Requests using it are refused from now on.` });

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/http/action";
import { blanksAsMissing } from "@/lib/http/form-blanks";
import { requestOrigin } from "@/lib/http/origin";
import { inviteUser, inviteUserSchema, revokeInvitation } from "@/lib/users/invitations";
import { setUserActive, setUserRole, setUserRoleSchema } from "@/lib/users/manage-users";

const person = z.object({ userId: z.string().min(1), who: z.string().default("them") });

export const inviteUserAction = formAction(blanksAsMissing(inviteUserSchema, ["name", "teamId"]), async (actor, input) => {
  const { invitation, token, emailed } = await inviteUser(actor, input);
  revalidatePath("/admin", "layout");
  return { email: invitation.email, url: `${await requestOrigin()}/invite/${token}`, expiresAt: invitation.expiresAt.toISOString(), emailed };
});

export const revokeInvitationAction = formAction(z.object({ invitationId: z.string().min(1), email: z.string().default("") }), async (actor, input) => {
  await revokeInvitation(actor, input.invitationId);
  revalidatePath("/admin", "layout");
  return { email: input.email };
}, { successMessage: (d) => `Revoked the invitation${d.email ? ` for ${d.email}` : ""}. Its link no longer works.` });

export const setUserRoleAction = formAction(setUserRoleSchema.extend(person.shape), async (actor, input) => {
  await setUserRole(actor, input.userId, { role: input.role });
  revalidatePath("/admin", "layout");
  return { who: input.who, role: input.role };
}, { successMessage: (d) => (d.role === "ADMIN" ? `${d.who} is now an admin.` : `${d.who} is now a member (no longer an admin).`) });

export const setUserActiveAction = formAction(person.extend({ active: z.enum(["true", "false"]).transform((v) => v === "true") }), async (actor, input) => {
  await setUserActive(actor, input.userId, input.active);
  revalidatePath("/admin", "layout");
  return { who: input.who, active: input.active };
}, { successMessage: (d) => (d.active ? `${d.who} can sign in again.` : `${d.who} is deactivated and can no longer sign in.`) });

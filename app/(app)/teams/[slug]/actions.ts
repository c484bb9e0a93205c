"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/http/action";
import { addTeamMember, addTeamMemberSchema, removeTeamMember, setTeamMemberRole, setTeamMemberRoleSchema } from "@/lib/teams/manage-team-members";

const teamId = z.object({ teamId: z.string().min(1) });
const member = teamId.extend({ userId: z.string().min(1), who: z.string().default("them") });

export const addTeamMemberAction = formAction(addTeamMemberSchema.extend(teamId.shape), async (actor, input) => {
  await addTeamMember(actor, input.teamId, { email: input.email, role: input.role });
  revalidatePath("/teams", "layout");
  return { email: input.email };
}, { successMessage: (d) => `Added ${d.email}.` });

export const setTeamMemberRoleAction = formAction(setTeamMemberRoleSchema.extend(member.shape), async (actor, input) => {
  await setTeamMemberRole(actor, input.teamId, input.userId, { role: input.role });
  revalidatePath("/teams", "layout");
  return { who: input.who, role: input.role };
}, { successMessage: (d) => `${d.who} is now ${d.role === "PRODUCT_MANAGER" ? "a product manager" : "a member"} of the team.` });

export const removeTeamMemberAction = formAction(member, async (actor, input) => {
  await removeTeamMember(actor, input.teamId, input.userId);
  revalidatePath("/teams", "layout");
  return { who: input.who };
}, { successMessage: (d) => `Removed ${d.who} from the team.` });

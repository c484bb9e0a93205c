"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/http/action";
import { blanksAsMissing } from "@/lib/http/form-blanks";
import { createTeam, createTeamSchema } from "@/lib/teams/create-team";

export const createTeamAction = formAction(blanksAsMissing(createTeamSchema, ["slug", "description"]), async (actor, input) => {
  const team = await createTeam(actor, input);
  redirect(`/teams/${team.slug}?created=1`);
});

"use server";

import { redirect } from "next/navigation";
import { publicFormAction } from "@/lib/http/action";
import { createFirstAdmin, createFirstAdminSchema } from "@/lib/users/first-admin";

export const createFirstAdminAction = publicFormAction(createFirstAdminSchema, async (input) => {
  const user = await createFirstAdmin(input);
  redirect(`/sign-in?welcome=${encodeURIComponent(user.email)}`);
});

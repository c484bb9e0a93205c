"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/action";
import { updateProfile, updateProfileSchema } from "@/lib/users/update-profile";

export const updateProfileAction = formAction(updateProfileSchema, async (actor, input) => {
  await updateProfile(actor, input);
  // The name shows in the sidebar on every page.
  revalidatePath("/", "layout");
  return null;
}, { successMessage: "Profile saved." });

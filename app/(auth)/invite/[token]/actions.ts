"use server";

import { redirect } from "next/navigation";
import { publicFormAction } from "@/lib/http/action";
import { acceptInvitation, acceptInvitationSchema } from "@/lib/users/invitations";

export const acceptInvitationAction = publicFormAction(acceptInvitationSchema, async (input) => {
  const user = await acceptInvitation(input);
  redirect(`/sign-in?welcome=${encodeURIComponent(user.email)}`);
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/http/action";
import { markNotificationsRead } from "@/lib/notify/notifications";

export const markAllReadAction = formAction(z.object({}), async (actor) => {
  await markNotificationsRead(actor);
  revalidatePath("/", "layout");
  return null;
});

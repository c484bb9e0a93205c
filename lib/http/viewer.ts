import { cookies } from "next/headers";
import { cache } from "react";
import { currentActor } from "../auth/current-actor";
import { isValidTimeZone } from "../ui/time";

export const TZ_COOKIE = "tz";

/**
 * The viewer's timezone: the one chosen in their settings, else the browser's (remembered in a
 * cookie), else UTC until the browser has told us.
 */
export const viewerTimeZone = cache(async (): Promise<string> => {
  const chosen = (await currentActor())?.timezone;
  if (isValidTimeZone(chosen)) return chosen;
  const tz = (await cookies()).get(TZ_COOKIE)?.value;
  return isValidTimeZone(tz) ? tz : "UTC";
});

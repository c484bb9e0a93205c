import { cookies } from "next/headers";
import { isValidTimeZone } from "../ui/time";

export const TZ_COOKIE = "tz";

/** The viewer's timezone: the browser's, remembered in a cookie; UTC until the browser has told us. */
export async function viewerTimeZone(): Promise<string> {
  const tz = (await cookies()).get(TZ_COOKIE)?.value;
  return isValidTimeZone(tz) ? tz : "UTC";
}

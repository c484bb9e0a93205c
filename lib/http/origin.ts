import { headers } from "next/headers";
import { env } from "../env";

/**
 * The address people reach Debrief at, for links shown to be sent elsewhere (invitations):
 * AUTH_URL when configured, otherwise the host and protocol of the current request (behind a
 * proxy, X-Forwarded-Host and X-Forwarded-Proto).
 */
export async function requestOrigin(): Promise<string> {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || `localhost:${env().PORT}`;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}

/**
 * The collaboration server's WebSocket URL as the client should use it: COLLAB_PUBLIC_URL when
 * set; else the web app's own host under /collab (same port, ws:// or wss:// as the request
 * came in, behind a proxy too); else — when the web process does not serve /collab — the
 * request's host name on COLLAB_PORT.
 */
import type { Env } from "../env";
import { COLLAB_PATH } from "./server-path";

export function collaborationUrl(request: Request, e: Pick<Env, "COLLAB_PUBLIC_URL" | "DEBRIEF_COLLAB" | "COLLAB_PORT">): string {
  if (e.COLLAB_PUBLIC_URL) return e.COLLAB_PUBLIC_URL;
  const url = new URL(request.url);
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || null;
  const proto = first("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  const host = first("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const scheme = proto === "https" || proto === "wss" ? "wss" : "ws";
  if (e.DEBRIEF_COLLAB === "0") return `${scheme}://${host.replace(/:\d+$/, "")}:${e.COLLAB_PORT}${COLLAB_PATH}`;
  return `${scheme}://${host}${COLLAB_PATH}`;
}

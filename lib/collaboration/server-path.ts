/** Where the collaboration server takes WebSocket upgrades (client-safe). */
export const COLLAB_PATH = "/collab";

/** True for /collab and anything under it (the request's path, query ignored). */
export function isCollabPath(url: string | undefined): boolean {
  const pathname = (url ?? "/").split("?")[0]!;
  return pathname === COLLAB_PATH || pathname.startsWith(`${COLLAB_PATH}/`);
}

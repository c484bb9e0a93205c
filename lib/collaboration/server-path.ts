/** Where the collaboration server takes WebSocket upgrades (client-safe). */
export const COLLAB_PATH = "/collab";

/** The session workspace's tabs (a plain module: read by the server page and the client shell). */
export const SESSION_TABS = [
  ["accounts", "Accounts"],
  ["timeline", "Timeline"],
  ["narrative", "Narrative"],
  ["findings", "Findings"],
  ["agenda", "Agenda"],
] as const;
export type SessionTab = (typeof SESSION_TABS)[number][0];

import { API_NAME_OF } from "./settings";

type Row = {
  id: string;
  syncState: "LOCAL" | "PENDING" | "SYNCED" | "FAILED";
  syncError: string | null;
  lastSyncedAt: Date | null;
  externalProvider: keyof typeof API_NAME_OF | null;
  externalKey: string | null;
  externalUrl: string | null;
};

/** An action's place in its tracker, as the API returns it. */
export function syncView(action: Row) {
  return {
    id: action.id,
    syncState: action.syncState,
    syncError: action.syncError,
    lastSyncedAt: action.lastSyncedAt,
    external: action.externalKey ? { provider: action.externalProvider ? API_NAME_OF[action.externalProvider] : null, key: action.externalKey, url: action.externalUrl } : null,
  };
}

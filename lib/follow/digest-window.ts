/**
 * The window a digest covers. DigestState.lastAt (per person) and TeamDigestState.lastAt (per
 * team channel) hold the watermark: every review published after it and up to the cutoff goes in
 * the next digest, and the watermark moves to the cutoff in the same transaction as the notices —
 * so each review reaches each person once. The cutoff lags `now` a little so a review whose
 * publication commits while a digest runs is not skipped.
 */
import { env } from "../env";

export const DIGEST_LAG_MS = 2 * 60_000;

export type DigestOptions = { now?: Date; everyMs?: number };

export function digestSettings(options: DigestOptions = {}) {
  const now = options.now ?? new Date();
  const everyMs = options.everyMs ?? env().DEBRIEF_DIGEST_HOURS * 3_600_000;
  const cutoff = new Date(now.getTime() - DIGEST_LAG_MS);
  /** A watermark at or before this is due for a digest. */
  const dueBefore = new Date(now.getTime() - everyMs);
  return { now, everyMs, cutoff, dueBefore };
}

export const FOLLOW_DIGEST = "follow";
export const TEAM_CHAT_DIGEST = "chat-published";

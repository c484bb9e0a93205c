/**
 * Re-checks, every few seconds, that everyone connected may still be: a participant removed
 * from the review, a deactivated account or a review published meanwhile take effect within
 * one interval. Two queries per check, however many connections are open.
 */
import type { Connection, Extension, Hocuspocus } from "@hocuspocus/server";
import { COLLAB_CLOSE } from "../close-events";
import { accessKey, loadNarrativeAccessMany } from "../load-access";
import { collabLog, isCollabContext, type CollabContext } from "../refusal";

export type AccessWatch = Extension & {
  /** Runs one check now (also what the timer does). */
  checkNow: () => Promise<void>;
};

export function accessWatchExtension(options: { intervalMs: number }): AccessWatch {
  let instance: Hocuspocus | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  async function check(): Promise<void> {
    if (!instance) return;
    const open: { connection: Connection; context: CollabContext }[] = [];
    for (const document of instance.documents.values()) {
      for (const connection of document.getConnections()) {
        if (isCollabContext(connection.context)) open.push({ connection, context: connection.context });
      }
    }
    if (open.length === 0) return;
    const access = await loadNarrativeAccessMany(open.map(({ context }) => context));
    for (const { connection, context } of open) {
      const now = access.get(accessKey(context.userId, context.reviewId));
      if (!now || now.mode === context.mode) continue;
      // Stop writes at once; the client reconnects with a new token if it still may read.
      connection.readOnly = true;
      const event = now.mode === "none" ? COLLAB_CLOSE.accessRevoked : COLLAB_CLOSE.accessChanged;
      collabLog.info({ event: "collab_access_changed", reason: event.reason, userId: context.userId, reviewId: context.reviewId, was: context.mode, now: now.mode }, "closing a connection whose access changed");
      connection.close(event);
    }
  }

  const checkNow = (): Promise<void> => {
    running ??= check()
      .catch((err: unknown) => collabLog.error({ err }, "re-checking collaboration access failed"))
      .finally(() => (running = null));
    return running;
  };

  return {
    extensionName: "debrief-access-watch",
    checkNow,
    async onConfigure({ instance: i }) {
      instance = i;
      timer = setInterval(() => void checkNow(), options.intervalMs);
      timer.unref();
    },
    async onDestroy() {
      clearInterval(timer);
      await running;
    },
  };
}

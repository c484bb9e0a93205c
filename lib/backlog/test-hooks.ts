/**
 * Test-only fault injection, for proving exactly-once delivery across a crash.
 *
 * DEBRIEF_TEST_CRASH_AFTER_CREATE=1 makes the worker die (SIGKILL, no clean-up) right after the
 * tracker created an issue and before Debrief stored its key — the worst moment for a crash. It
 * is honoured only when NODE_ENV is "test": `npm start` runs with NODE_ENV=production, so an
 * accidental setting in production does nothing (and the worker logs that it ignored it).
 */
import { log } from "../log";

export function crashAfterCreateEnabled(): boolean {
  return process.env.DEBRIEF_TEST_CRASH_AFTER_CREATE === "1" && process.env.NODE_ENV === "test";
}

/** Called between createIssue and storing the key. */
export function afterCreateHook(actionId: string): void {
  if (!crashAfterCreateEnabled()) return;
  log.warn({ actionId, event: "test_crash_after_create" }, "DEBRIEF_TEST_CRASH_AFTER_CREATE: killing the worker after the tracker created the issue");
  process.kill(process.pid, "SIGKILL");
}

/** Logged once at worker start when the variable is set. */
export function reportTestHooks(): void {
  if (process.env.DEBRIEF_TEST_CRASH_AFTER_CREATE === undefined) return;
  if (crashAfterCreateEnabled()) log.warn("DEBRIEF_TEST_CRASH_AFTER_CREATE is on: this worker dies after its first issue creation (tests only)");
  else log.warn({ nodeEnv: process.env.NODE_ENV }, "DEBRIEF_TEST_CRASH_AFTER_CREATE is set but ignored: it works only with NODE_ENV=test");
}

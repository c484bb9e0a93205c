import { describe, expect, it } from "vitest";
import { describeSyncEvent } from "./describe-sync-event";

describe("describeSyncEvent", () => {
  it("says what went out and what came back, in words", () => {
    expect(describeSyncEvent("created", { provider: "github", key: "#42", url: "https://github.test/x/y/issues/42" })).toBe("Created #42 in GitHub");
    expect(describeSyncEvent("found-existing", { provider: "JIRA", key: "PAY-7" })).toBe("Found PAY-7 already in Jira (an earlier attempt had created it) — not created twice");
    expect(describeSyncEvent("status-changed", { from: "OPEN", to: "DONE", source: "webhook" })).toBe("Status changed in the tracker: Open → Done");
    expect(describeSyncEvent("due-date-changed", { from: null, to: "2026-12-01" })).toBe("Due date changed in the tracker: none → 2026-12-01");
    expect(describeSyncEvent("assignee-changed", { to: "u1", name: "Priya PM", matched: true })).toBe("Assigned in the tracker to Priya PM");
    expect(describeSyncEvent("assignee-changed", { external: "octocat", matched: false })).toBe("Assigned in the tracker to octocat, who has no Debrief account with that e-mail");
    expect(describeSyncEvent("assignee-changed", { to: null })).toBe("Unassigned in the tracker");
    expect(describeSyncEvent("failed", { message: "Bad credentials", status: 401 })).toBe("Failed (HTTP 401): Bad credentials");
    expect(describeSyncEvent("retrying", { attempt: 2, message: "HTTP 503" })).toBe("Attempt 2 did not go through; trying again: HTTP 503");
    expect(describeSyncEvent("queued", { retry: true })).toBe("Retry requested");
    expect(describeSyncEvent("reconciled", { changed: ["status-changed"] })).toBe("Reconciled with the tracker (a missed change: status-changed)");
    expect(describeSyncEvent("missing", { key: "ENG-3" })).toBe("ENG-3 is no longer in the tracker (deleted or moved)");
  });

  it("never throws on details it does not expect", () => {
    expect(describeSyncEvent("status-changed", { from: 3, to: { x: 1 } })).toBe("Status changed in the tracker: unknown → unknown");
    expect(describeSyncEvent("failed", {})).toBe("Failed: no reason given");
    expect(describeSyncEvent("something-new", {})).toBe("something-new");
  });
});

import { describe, expect, it } from "vitest";
import { githubState, githubStatus, jiraStatus, jiraTransitionFor, linearStateTypes, linearStatus } from "./status-map";
import { retryAfterMs } from "./http-errors";
import { actionIdFromMarker, markerFor } from "./provider";

describe("statuses both ways", () => {
  it("GitHub: state, state reason and the in-progress label", () => {
    expect(githubStatus({ state: "open", labels: [] })).toBe("OPEN");
    expect(githubStatus({ state: "open", labels: [{ name: "In Progress" }] })).toBe("IN_PROGRESS");
    expect(githubStatus({ state: "closed", state_reason: "completed" })).toBe("DONE");
    expect(githubStatus({ state: "closed", state_reason: "not_planned" })).toBe("WONT_DO");
    for (const s of ["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"] as const) {
      const st = githubState(s);
      expect(githubStatus({ state: st.state, state_reason: st.state_reason ?? null, labels: st.inProgress ? ["in progress"] : [] })).toBe(s);
    }
  });
  it("Jira: status categories, and the resolution for won't do", () => {
    expect(jiraStatus({ status: { statusCategory: { key: "new" } } })).toBe("OPEN");
    expect(jiraStatus({ status: { statusCategory: { key: "indeterminate" } } })).toBe("IN_PROGRESS");
    expect(jiraStatus({ status: { name: "Done", statusCategory: { key: "done" } }, resolution: { name: "Done" } })).toBe("DONE");
    expect(jiraStatus({ status: { name: "Closed", statusCategory: { key: "done" } }, resolution: { name: "Won't Fix" } })).toBe("WONT_DO");
    const transitions = [
      { id: "1", name: "Start", to: { name: "In Progress", statusCategory: { key: "indeterminate" } } },
      { id: "2", name: "Decline", to: { name: "Declined", statusCategory: { key: "done" } } },
      { id: "3", name: "Resolve", to: { name: "Done", statusCategory: { key: "done" } } },
    ];
    expect(jiraTransitionFor("DONE", transitions)?.id).toBe("3");
    expect(jiraTransitionFor("WONT_DO", transitions)?.id).toBe("2");
    expect(jiraTransitionFor("IN_PROGRESS", transitions)?.id).toBe("1");
    expect(jiraTransitionFor("OPEN", transitions)).toBeNull();
  });
  it("Linear: workflow state types", () => {
    expect(["triage", "backlog", "unstarted", "started", "completed", "canceled"].map(linearStatus)).toEqual(["OPEN", "OPEN", "OPEN", "IN_PROGRESS", "DONE", "WONT_DO"]);
    for (const s of ["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"] as const) expect(linearStatus(linearStateTypes(s)[0])).toBe(s);
  });
});

describe("rate-limit waits", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");
  it("come from Retry-After (seconds or a date), else the reset header", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "30" }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Tue, 01 Jan 2030 00:00:10 GMT" }), now)).toBe(10_000);
    expect(retryAfterMs({ "x-ratelimit-reset": String(now / 1000 + 60) }, now)).toBe(60_000);
    expect(retryAfterMs({ "X-RateLimit-Requests-Reset": String(now + 5_000) }, now)).toBe(5_000);
    expect(retryAfterMs({ "x-ratelimit-reset": "2030-01-01T00:00:20Z" }, now)).toBe(20_000);
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});

describe("the idempotency marker", () => {
  it("round-trips through text", () => {
    expect(actionIdFromMarker(`see ${markerFor("cmabc123xyz")} here`)).toBe("cmabc123xyz");
    expect(actionIdFromMarker("nothing")).toBeUndefined();
  });
});

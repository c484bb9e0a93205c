import { describe, expect, it } from "vitest";
import { checkTransition, nextPhase, nextStepFor, PHASES } from "./lifecycle";

const ready = { responderCount: 2, hasFacilitator: true };

describe("review lifecycle", () => {
  it("orders the phases and ends at PUBLISHED", () => {
    expect(PHASES).toEqual(["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"]);
    expect(nextPhase("PREPARING")).toBe("INDEPENDENT");
    expect(nextPhase("ACTION_PLANNING")).toBe("PUBLISHED");
    expect(nextPhase("PUBLISHED")).toBeNull();
  });

  it("allows exactly the next phase", () => {
    for (const [i, from] of PHASES.entries()) {
      for (const [j, to] of PHASES.entries()) {
        const result = checkTransition(from, to, ready);
        expect(result.ok, `${from} → ${to}`).toBe(j === i + 1);
      }
    }
  });

  it("explains refusals in plain words", () => {
    expect(checkTransition("PREPARING", "GROUP", ready)).toEqual({
      ok: false,
      reason: "Phases move one step at a time: from Preparing the next phase is Independent accounts.",
    });
    expect(checkTransition("GROUP", "INDEPENDENT", ready)).toMatchObject({ ok: false, reason: expect.stringContaining("cannot move back") });
    expect(checkTransition("PUBLISHED", "PUBLISHED", ready)).toMatchObject({ ok: false, reason: expect.stringContaining("published") });
    expect(checkTransition("GROUP", "GROUP", ready)).toMatchObject({ ok: false, reason: expect.stringContaining("already") });
  });

  it("needs a responder before independent accounts start, and a facilitator always", () => {
    expect(checkTransition("PREPARING", "INDEPENDENT", { responderCount: 0, hasFacilitator: true })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("at least one responder"),
    });
    expect(checkTransition("GROUP", "ACTION_PLANNING", { responderCount: 1, hasFacilitator: false })).toMatchObject({ ok: false });
  });

  it("tells each person their next step", () => {
    expect(nextStepFor("INDEPENDENT", "RESPONDER", false).title).toBe("Write your account");
    expect(nextStepFor("INDEPENDENT", "FACILITATOR", false).title).toBe("Wait for the accounts");
    expect(nextStepFor("PREPARING", "FACILITATOR", false).title).toBe("Invite the responders");
    expect(nextStepFor("PREPARING", null, true).title).toBe("Invite the responders");
    expect(nextStepFor("PREPARING", "RESPONDER", false).title).toBe("Nothing to do yet");
    expect(nextStepFor("GROUP", "OBSERVER", false).title).toBe("Join the group session");
    expect(nextStepFor("PUBLISHED", null, false).title).toBe("Read the review");
  });
});

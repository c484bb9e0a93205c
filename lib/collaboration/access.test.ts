import { describe, expect, it } from "vitest";
import type { Actor, ParticipantRole, ReviewPhase } from "../policies/types";
import { narrativeAccess } from "./access";
import { collabCloseByReason, COLLAB_CLOSE, describeCollabClose } from "./close-events";
import { narrativeDocumentName, parseDocumentName } from "./document-name";

const actor = (role: "ADMIN" | "MEMBER" = "MEMBER", teams: Actor["teams"] = {}): Actor => ({ id: "u", email: "u@x", name: "U", role, teams });
const facts = (phase: ReviewPhase, myRole: ParticipantRole | null) => ({ phase, myRole, teamId: "t", visibility: "ORGANISATION" as const });
const PHASES: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];

describe("narrativeAccess", () => {
  const cases: [string, Actor, ParticipantRole | null, (p: ReviewPhase) => string][] = [
    ["facilitator", actor(), "FACILITATOR", (p) => (p === "PUBLISHED" ? "read" : "write")],
    ["responder", actor(), "RESPONDER", (p) => (p === "PUBLISHED" ? "read" : "write")],
    ["observer", actor(), "OBSERVER", () => "read"],
    ["admin", actor("ADMIN"), null, (p) => (p === "PUBLISHED" ? "read" : "write")],
    ["team member", actor("MEMBER", { t: "MEMBER" }), null, () => "none"],
    ["outsider", actor(), null, () => "none"],
  ];
  for (const [who, a, role, revealed] of cases)
    for (const phase of PHASES)
      it(`${who} in ${phase}`, () => {
        const early = phase === "PREPARING" || phase === "INDEPENDENT";
        expect(narrativeAccess(a, facts(phase, role)).mode).toBe(early ? "none" : revealed(phase));
      });

  it("says why it refuses", () => {
    expect(narrativeAccess(actor(), facts("INDEPENDENT", "RESPONDER"))).toEqual({ mode: "none", why: "not-revealed" });
    expect(narrativeAccess(actor(), facts("GROUP", null))).toEqual({ mode: "none", why: "not-participant" });
    expect(narrativeAccess(null, facts("GROUP", "RESPONDER"))).toEqual({ mode: "none", why: "not-participant" });
  });
});

describe("document names and close reasons", () => {
  it("parses only narrative names of plausible review ids", () => {
    expect(parseDocumentName(narrativeDocumentName("cmabc123"))).toEqual({ kind: "narrative", reviewId: "cmabc123" });
    for (const bad of ["", "review::narrative", "review:x:other", "review:a b:narrative", "review:x:narrative:y", `review:${"x".repeat(65)}:narrative`]) {
      expect(parseDocumentName(bad)).toBeNull();
    }
    expect(() => narrativeDocumentName("../x")).toThrow();
  });

  it("maps every reason back to its event and a sentence", () => {
    for (const [name, event] of Object.entries(COLLAB_CLOSE)) {
      expect(collabCloseByReason(event.reason)).toBe(name);
      expect(describeCollabClose(event.reason)).toMatch(/\.|…$/);
    }
    expect(new Set(Object.values(COLLAB_CLOSE).map((e) => e.reason)).size).toBe(Object.keys(COLLAB_CLOSE).length);
    expect(describeCollabClose("Reset Connection")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { can, sessionAbilities } from "./index";
import type { Actor, ParticipantRole, ReviewPhase, ReviewVisibility } from "./types";

const TEAM = "team-1";
const actor = (over: Partial<Actor> = {}): Actor => ({ id: "u1", email: "u1@x", name: "U", role: "MEMBER", teams: {}, ...over });
const facts = (phase: ReviewPhase, myRole: ParticipantRole | null, visibility: ReviewVisibility = "ORGANISATION") => ({ phase, myRole, visibility, teamId: TEAM });
const PHASES: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];

const who = {
  admin: { a: actor({ role: "ADMIN" }), role: null },
  facilitator: { a: actor(), role: "FACILITATOR" as const },
  responder: { a: actor(), role: "RESPONDER" as const },
  observer: { a: actor(), role: "OBSERVER" as const },
  teamMember: { a: actor({ teams: { [TEAM]: "MEMBER" } }), role: null },
  outsider: { a: actor({ teams: { other: "MEMBER" } }), role: null },
};
type Who = keyof typeof who;
const phasesWhere = (w: Who, ability: Parameters<typeof can>[1], visibility: ReviewVisibility = "ORGANISATION") =>
  PHASES.filter((p) => can(who[w].a, ability as "session:read", facts(p, who[w].role, visibility)));

describe("session rules", () => {
  it("open the session at the reveal: participants and admins read, others once it is published (per visibility)", () => {
    for (const w of ["admin", "facilitator", "responder", "observer"] as Who[]) expect(phasesWhere(w, "session:read"), w).toEqual(["GROUP", "ACTION_PLANNING", "PUBLISHED"]);
    expect(phasesWhere("teamMember", "session:read")).toEqual(["PUBLISHED"]);
    expect(phasesWhere("outsider", "session:read")).toEqual(["PUBLISHED"]);
    expect(phasesWhere("teamMember", "session:read", "TEAM")).toEqual(["PUBLISHED"]);
    expect(phasesWhere("outsider", "session:read", "TEAM")).toEqual([]);
    expect(phasesWhere("teamMember", "session:read", "PARTICIPANTS")).toEqual([]);
  });

  it("let the facilitator, responders and admins change and comment during GROUP; observers only follow", () => {
    for (const ability of ["session:contribute", "session:comment"] as const) {
      for (const w of ["admin", "facilitator", "responder"] as Who[]) expect(phasesWhere(w, ability), `${w} ${ability}`).toEqual(["GROUP"]);
      for (const w of ["observer", "teamMember", "outsider"] as Who[]) expect(phasesWhere(w, ability), `${w} ${ability}`).toEqual([]);
    }
  });

  it("leave the agenda and timer to the facilitator and admins, who prepare questions from PREPARING on", () => {
    for (const w of ["admin", "facilitator"] as Who[]) {
      expect(phasesWhere(w, "session:facilitate")).toEqual(["GROUP"]);
      expect(phasesWhere(w, "session:prepare-questions")).toEqual(["PREPARING", "INDEPENDENT", "GROUP"]);
    }
    for (const w of ["responder", "observer", "teamMember"] as Who[]) {
      expect(phasesWhere(w, "session:facilitate")).toEqual([]);
      expect(phasesWhere(w, "session:prepare-questions")).toEqual([]);
    }
  });

  it("let contributors tidy their own parking-lot topics, and the facilitator everything", () => {
    const item = (kind: "QUESTION" | "PARKING_LOT", isCreator: boolean, role: ParticipantRole | null, phase: ReviewPhase = "GROUP") => ({ ...facts(phase, role), kind, isCreator });
    expect(can(actor(), "session:manage-item", item("PARKING_LOT", true, "RESPONDER"))).toBe(true);
    expect(can(actor(), "session:manage-item", item("PARKING_LOT", false, "RESPONDER"))).toBe(false);
    expect(can(actor(), "session:manage-item", item("PARKING_LOT", true, "OBSERVER"))).toBe(false);
    expect(can(actor(), "session:manage-item", item("PARKING_LOT", false, "FACILITATOR"))).toBe(true);
    expect(can(actor(), "session:manage-item", item("PARKING_LOT", true, "RESPONDER", "ACTION_PLANNING"))).toBe(false);
    expect(can(actor(), "session:manage-item", item("QUESTION", true, "RESPONDER"))).toBe(false);
    expect(can(actor(), "session:manage-item", item("QUESTION", false, "FACILITATOR", "INDEPENDENT"))).toBe(true);
    expect(can(actor(), "session:delete-comment", { ...facts("GROUP", "RESPONDER"), isAuthor: true })).toBe(true);
    expect(can(actor(), "session:delete-comment", { ...facts("GROUP", "RESPONDER"), isAuthor: false })).toBe(false);
    expect(can(actor(), "session:delete-comment", { ...facts("GROUP", "FACILITATOR"), isAuthor: false })).toBe(true);
  });

  it("give pages one abilities map", () => {
    expect(sessionAbilities(who.observer.a, facts("GROUP", "OBSERVER"))).toEqual({ read: true, contribute: false, comment: false, facilitate: false, prepareQuestions: false });
    expect(sessionAbilities(who.facilitator.a, facts("INDEPENDENT", "FACILITATOR"))).toEqual({ read: false, contribute: false, comment: false, facilitate: false, prepareQuestions: true });
  });
});

import { describe, expect, it } from "vitest";
import { authorize, can } from "./index";
import type { Actor, ParticipantRole, ReviewPhase, ReviewVisibility } from "./types";
import { AppError } from "../errors";

const TEAM = "team-1";
const actor = (over: Partial<Actor> = {}): Actor => ({ id: "u1", email: "u1@x", name: "U", role: "MEMBER", teams: {}, ...over });
const review = (phase: ReviewPhase, myRole: ParticipantRole | null, visibility: ReviewVisibility = "ORGANISATION") => ({
  phase,
  myRole,
  visibility,
  teamId: TEAM,
});

const PHASES: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];
const VISIBILITIES: ReviewVisibility[] = ["PARTICIPANTS", "TEAM", "ORGANISATION"];

type Who = "admin" | "facilitator" | "responder" | "observer" | "teamMember" | "outsider";
const who: Record<Who, { a: Actor; role: ParticipantRole | null }> = {
  admin: { a: actor({ role: "ADMIN" }), role: null },
  facilitator: { a: actor(), role: "FACILITATOR" },
  responder: { a: actor(), role: "RESPONDER" },
  observer: { a: actor(), role: "OBSERVER" },
  teamMember: { a: actor({ teams: { [TEAM]: "MEMBER" } }), role: null },
  outsider: { a: actor({ teams: { other: "MEMBER" } }), role: null },
};

describe("review:view", () => {
  // Expected visibility for every role × phase × visibility.
  function expected(w: Who, phase: ReviewPhase, visibility: ReviewVisibility): boolean {
    if (w === "admin" || w === "facilitator" || w === "responder" || w === "observer") return true;
    if (phase !== "PUBLISHED") return w === "teamMember";
    if (visibility === "ORGANISATION") return true;
    if (visibility === "TEAM") return w === "teamMember";
    return false;
  }
  for (const w of Object.keys(who) as Who[])
    for (const phase of PHASES)
      for (const visibility of VISIBILITIES)
        it(`${w} · ${phase} · ${visibility}`, () => {
          expect(can(who[w].a, "review:view", review(phase, who[w].role, visibility))).toBe(expected(w, phase, visibility));
        });
});

describe("review:move-phase and review:manage-participants", () => {
  for (const w of Object.keys(who) as Who[])
    for (const phase of PHASES)
      it(`${w} in ${phase}`, () => {
        const mayRun = (w === "admin" || w === "facilitator") && phase !== "PUBLISHED";
        expect(can(who[w].a, "review:move-phase", review(phase, who[w].role))).toBe(mayRun);
        expect(can(who[w].a, "review:manage-participants", review(phase, who[w].role))).toBe(mayRun);
      });
});

describe("incidents and teams", () => {
  const facts = { teamId: TEAM, createdById: "someone", participatesInAReview: false, publishedToOrganisation: false };
  it("lets team members and admins create incidents for the team only", () => {
    expect(can(who.teamMember.a, "incident:create", { id: TEAM })).toBe(true);
    expect(can(who.admin.a, "incident:create", { id: TEAM })).toBe(true);
    expect(can(who.outsider.a, "incident:create", { id: TEAM })).toBe(false);
  });
  it("shows an incident to its team, its creator, review participants and — once published to all — everyone", () => {
    expect(can(who.outsider.a, "incident:view", facts)).toBe(false);
    expect(can(who.teamMember.a, "incident:view", facts)).toBe(true);
    expect(can(actor({ id: "someone" }), "incident:view", facts)).toBe(true);
    expect(can(who.outsider.a, "incident:view", { ...facts, participatesInAReview: true })).toBe(true);
    expect(can(who.outsider.a, "incident:view", { ...facts, publishedToOrganisation: true })).toBe(true);
  });
  it("lets only admins and the owning team start reviews", () => {
    expect(can(who.teamMember.a, "review:create", facts)).toBe(true);
    expect(can(who.outsider.a, "review:create", { ...facts, participatesInAReview: true })).toBe(false);
  });
  it("lets admins and the team's product managers manage members", () => {
    expect(can(actor({ teams: { [TEAM]: "PRODUCT_MANAGER" } }), "team:manage-members", { id: TEAM })).toBe(true);
    expect(can(who.teamMember.a, "team:manage-members", { id: TEAM })).toBe(false);
    expect(can(who.admin.a, "team:manage-members", { id: TEAM })).toBe(true);
  });
  it("keeps admin pages to admins", () => {
    expect(can(who.admin.a, "admin:manage", null)).toBe(true);
    expect(can(who.teamMember.a, "admin:manage", null)).toBe(false);
  });
});

describe("authorize", () => {
  it("throws FORBIDDEN with the given message", () => {
    expect(() => authorize(who.outsider.a, "admin:manage", null, { message: "Admins only." })).toThrowError(
      expect.objectContaining({ code: "FORBIDDEN", message: "Admins only." }),
    );
  });
  it("throws the same NOT_FOUND as a missing record when asked to hide existence", () => {
    try {
      authorize(who.outsider.a, "review:view", review("PREPARING", null), { notFound: "Review" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("NOT_FOUND");
      expect((e as AppError).message).toBe(AppError.notFound("Review").message);
    }
  });
  it("returns quietly when allowed", () => {
    expect(() => authorize(who.admin.a, "admin:manage", null)).not.toThrow();
  });
});

describe("the independence guarantee (account rules)", () => {
  const PH: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];
  const revealed = (p: ReviewPhase) => p === "GROUP" || p === "ACTION_PLANNING" || p === "PUBLISHED";
  const cases: { who: string; a: Actor; role: ParticipantRole | null; isAuthor: boolean; reads: (p: ReviewPhase) => boolean }[] = [
    { who: "author", a: actor(), role: "RESPONDER", isAuthor: true, reads: () => true },
    { who: "other responder", a: actor(), role: "RESPONDER", isAuthor: false, reads: revealed },
    { who: "facilitator", a: actor(), role: "FACILITATOR", isAuthor: false, reads: revealed },
    { who: "observer", a: actor(), role: "OBSERVER", isAuthor: false, reads: revealed },
    { who: "admin", a: actor({ role: "ADMIN" }), role: null, isAuthor: false, reads: revealed },
    { who: "team member", a: actor({ teams: { [TEAM]: "MEMBER" } }), role: null, isAuthor: false, reads: () => false },
    { who: "product manager", a: actor({ teams: { [TEAM]: "PRODUCT_MANAGER" } }), role: null, isAuthor: false, reads: () => false },
  ];
  for (const c of cases)
    for (const phase of PH)
      it(`${c.who} ${c.reads(phase) ? "reads" : "does not read"} account content in ${phase}`, () => {
        expect(can(c.a, "account:read-content", { ...review(phase, c.role), isAuthor: c.isAuthor })).toBe(c.reads(phase));
      });

  it("lets only the author write, and only during independent accounts", () => {
    for (const phase of PH) {
      expect(can(actor(), "account:write", { ...review(phase, "RESPONDER"), isAuthor: true })).toBe(phase === "INDEPENDENT");
      expect(can(actor({ role: "ADMIN" }), "account:write", { ...review(phase, "FACILITATOR"), isAuthor: false })).toBe(false);
    }
  });

  it("shows the status board to the facilitator and admins only, from independent accounts on", () => {
    expect(can(actor(), "review:view-account-status", review("INDEPENDENT", "FACILITATOR"))).toBe(true);
    expect(can(actor({ role: "ADMIN" }), "review:view-account-status", review("INDEPENDENT", null))).toBe(true);
    expect(can(actor(), "review:view-account-status", review("INDEPENDENT", "RESPONDER"))).toBe(false);
    expect(can(actor(), "review:view-account-status", review("PREPARING", "FACILITATOR"))).toBe(false);
  });

  it("allows late additions by the author after the reveal, until publication", () => {
    const f = (phase: ReviewPhase) => ({ ...review(phase, "RESPONDER" as const), isAuthor: true });
    expect(PH.filter((p) => can(actor(), "account:append-late", f(p)))).toEqual(["GROUP", "ACTION_PLANNING"]);
  });
});

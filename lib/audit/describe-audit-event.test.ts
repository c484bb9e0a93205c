import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_LABEL, describeAuditEvent, sentenceText, type AuditLookups } from "./describe-audit-event";
import { AUDIT_EVENT_TYPES } from "./events";

const find: AuditLookups = {
  user: (id) => (id ? { label: `user ${id}` } : { label: "a deleted person" }),
  team: (id) => (id ? { label: `team ${id}`, href: `/teams/${id}` } : { label: "a deleted team" }),
  review: (id) => (id ? { label: `review ${id}`, href: `/reviews/${id}` } : { label: "a deleted review" }),
  incident: (id) => (id ? { label: `incident ${id}`, href: `/incidents/${id}` } : { label: "a deleted incident" }),
};
const event = (type: string, data: unknown, extra: { subjectId?: string; reviewId?: string | null } = {}) => ({
  type,
  subjectType: "X",
  subjectId: extra.subjectId ?? "s1",
  reviewId: extra.reviewId ?? null,
  data,
});

describe("describeAuditEvent", () => {
  it("has a filter label and a sentence for every event type", () => {
    for (const type of AUDIT_EVENT_TYPES) {
      expect(AUDIT_EVENT_LABEL[type], `a filter label for ${type}`).toBeTruthy();
      expect(sentenceText(describeAuditEvent(event(type, {}), find))).not.toMatch(/undefined|\./);
    }
  });

  it("speaks plainly about people, roles and phases", () => {
    expect(sentenceText(describeAuditEvent(event("user.role_changed", { from: "MEMBER", to: "ADMIN" }, { subjectId: "u2" }), find))).toBe(
      "made user u2 an admin (was member)",
    );
    expect(sentenceText(describeAuditEvent(event("review.participant_added", { userId: "u3", role: "RESPONDER" }, { reviewId: "r1" }), find))).toBe(
      "added user u3 to review r1 as responder",
    );
    expect(describeAuditEvent(event("review.phase_changed", { from: "GROUP", to: "ACTION_PLANNING" }, { reviewId: "r1" }), find)).toEqual([
      "moved ",
      { label: "review r1", href: "/reviews/r1" },
      " to Action planning",
    ]);
    expect(sentenceText(describeAuditEvent(event("user.joined", { via: "invitation" }), find))).toBe("joined Debrief through an invitation");
  });

  it("falls back to the type's words for events it does not know", () => {
    expect(describeAuditEvent(event("backlog.item_pushed", {}), find)).toEqual(["backlog item pushed"]);
  });
});

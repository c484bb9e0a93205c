import { describe, expect, it } from "vitest";
import { ALL_MODELS, EXPORTED_TABLES, TABLE_DECISIONS } from "./tables";

describe("the organisation export's tables", () => {
  it("has a decision for every model of the schema (a new model must be decided in lib/export/tables.ts)", () => {
    expect(ALL_MODELS.filter((m) => !TABLE_DECISIONS[m])).toEqual([]);
    expect(Object.keys(TABLE_DECISIONS).filter((m) => !ALL_MODELS.includes(m))).toEqual([]);
  });

  it("never includes credentials, sessions or the outbox", () => {
    for (const secret of ["ApiToken", "FeedToken", "Session", "VerificationToken", "OutboundEmail", "BacklogConnection", "Invitation"]) {
      expect(EXPORTED_TABLES).not.toContain(secret);
    }
    expect(EXPORTED_TABLES).toContain("User");
  });
});

import { describe, expect, it } from "vitest";
import { bucketLabel, buckets } from "./buckets";

describe("bucket labels", () => {
  it("name weeks by their Monday and months by month and year, in UTC", () => {
    expect(bucketLabel("2026-03-02", "week")).toBe("2 Mar");
    expect(bucketLabel("2026-03-01", "month")).toBe("Mar 2026");
    expect(bucketLabel("2025-12-29", "week")).toBe("29 Dec");
  });

  it("say what toLocaleDateString said for every bucket of two years, asked once or again", () => {
    const from = new Date("2025-01-01T00:00:00Z");
    const to = new Date("2027-01-01T00:00:00Z");
    for (const bucket of ["week", "month"] as const) {
      const keys = buckets(from, to, bucket);
      expect(keys.length).toBe(bucket === "week" ? 105 : 24);
      for (const key of [...keys, ...keys]) {
        const d = new Date(`${key}T00:00:00Z`);
        const expected =
          bucket === "week"
            ? d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })
            : d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
        expect(bucketLabel(key, bucket)).toBe(expected);
      }
    }
  });
});

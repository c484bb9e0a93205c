import { describe, expect, it } from "vitest";
import { formatCell, formatHours, formatShare } from "./format";

describe("Insights formatting", () => {
  it("shows short durations in hours and long ones in days", () => {
    expect(formatHours(null)).toBe("—");
    expect(formatHours(0.25)).toBe("15 min");
    expect(formatHours(5.4)).toBe("5 h");
    expect(formatHours(47)).toBe("47 h");
    expect(formatHours(72)).toBe("3.0 days");
    expect(formatHours(24 * 30)).toBe("30 days");
  });

  it("shows shares as whole percentages, and tiny ones as <1%", () => {
    expect(formatShare(0.4567)).toBe("46%");
    expect(formatShare(0.001)).toBe("<1%");
    expect(formatShare(0)).toBe("0%");
  });

  it("formats cells by their column", () => {
    expect(formatCell("share", 0.5)).toBe("50%");
    expect(formatCell("medianHours", 30)).toBe("30 h");
    expect(formatCell("readers", 1234)).toBe("1,234");
    expect(formatCell("title", "A review")).toBe("A review");
  });
});

import { describe, expect, it } from "vitest";
import { dateToZonedLocal, formatDateTime, formatDuration, formatRelative, isValidTimeZone, shownTime, zonedLocalToDate } from "./time";

describe("time", () => {
  it("reads a wall-clock time in a zone, across daylight saving", () => {
    expect(zonedLocalToDate("2026-07-01T12:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(zonedLocalToDate("2026-12-01T12:00", "Europe/Berlin")?.toISOString()).toBe("2026-12-01T11:00:00.000Z");
    expect(zonedLocalToDate("2026-03-29T03:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedLocalToDate("2026-11-26T09:15", "America/New_York")?.toISOString()).toBe("2026-11-26T14:15:00.000Z");
    expect(zonedLocalToDate("not a time", "UTC")).toBeNull();
  });

  it("round-trips through datetime-local values", () => {
    const d = new Date("2026-05-04T22:45:00Z");
    expect(dateToZonedLocal(d, "Asia/Tokyo")).toBe("2026-05-05T07:45");
    expect(zonedLocalToDate(dateToZonedLocal(d, "Asia/Tokyo"), "Asia/Tokyo")?.getTime()).toBe(d.getTime());
  });

  it("names the zone when formatting", () => {
    expect(formatDateTime(new Date("2026-11-26T13:05:00Z"), "UTC")).toBe("26 Nov 2026, 13:05 UTC");
  });

  it("shows a time for client components: the date in the viewer's zone, or relative, with the exact time", () => {
    const late = new Date("2026-03-01T23:30:00Z");
    expect(shownTime(late, "Europe/Berlin", "date")).toEqual({ iso: "2026-03-01T23:30:00.000Z", label: "2 Mar 2026", exact: "2 Mar 2026, 00:30 CET" });
    expect(shownTime(late, "UTC", "date").label).toBe("1 Mar 2026");
    const recent = new Date(Date.now() - 2 * 86_400_000);
    expect(shownTime(recent, "UTC", "relative").label).toBe("2 days ago");
  });

  it("formats durations and relative times", () => {
    const t = new Date("2026-01-01T00:00:00Z");
    expect(formatDuration(t, new Date(t.getTime() + 38 * 60_000))).toBe("38 min");
    expect(formatDuration(t, new Date(t.getTime() + 65 * 60_000))).toBe("1 h 5 min");
    expect(formatDuration(t, new Date(t.getTime() + 51 * 3_600_000))).toBe("2 d 3 h");
    expect(formatRelative(new Date(t.getTime() - 3 * 3_600_000), t)).toBe("3 hours ago");
    expect(formatRelative(new Date(t.getTime() - 10_000), t)).toBe("just now");
  });

  it("validates timezone names", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone(undefined)).toBe(false);
  });
});

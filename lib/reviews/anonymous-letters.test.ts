import { describe, expect, it } from "vitest";
import { byLetter, letter, shuffledLetters } from "./anonymous-letters";

describe("anonymous letters", () => {
  it("count A to Z, then AA, AB…", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(letter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });

  it("sort as they count", () => {
    expect(["AA", "B", "?", "A", "Z", "AB"].sort(byLetter)).toEqual(["?", "A", "B", "Z", "AA", "AB"]);
  });

  it("are each letter once, for any number of responders", () => {
    for (const count of [0, 1, 2, 5, 30]) {
      const letters = shuffledLetters(count);
      expect([...letters].sort()).toEqual(Array.from({ length: count }, (_, i) => letter(i)).sort());
    }
  });

  it("are shuffled with the picks given (Fisher–Yates from the end)", () => {
    // Picks 0, 0: swap C↔A (C B A), then B↔C (B C A).
    expect(shuffledLetters(3, () => 0)).toEqual(["B", "C", "A"]);
    // Picking the last place each time leaves the order alone.
    expect(shuffledLetters(3, (below) => below - 1)).toEqual(["A", "B", "C"]);
  });

  it("do not follow the order people joined in: every order of three comes up, about equally often", () => {
    const seen = new Map<string, number>();
    const runs = 6_000;
    for (let i = 0; i < runs; i++) {
      const key = shuffledLetters(3).join("");
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(["ABC", "ACB", "BAC", "BCA", "CAB", "CBA"]);
    // Each order is expected 1,000 times (σ ≈ 29); 800–1,200 is seven σ either side.
    for (const n of seen.values()) {
      expect(n).toBeGreaterThan(800);
      expect(n).toBeLessThan(1_200);
    }
  });
});

/** The letters anonymised accounts are shown under: "Responder A", "Responder B"… */
import { randomInt } from "node:crypto";

/** "A", "B", … "Z", "AA", … */
export function letter(i: number): string {
  let s = "";
  for (let n = i; n >= 0; n = Math.floor(n / 26) - 1) s = String.fromCharCode(65 + (n % 26)) + s;
  return s;
}

/**
 * The letters "A"… for `count` responders in a random order (Fisher–Yates). Letters must not
 * follow any order a reader can see — the participant list shows who joined first, the status
 * board who wrote first — or "Responder A" names its author.
 */
export function shuffledLetters(count: number, pick: (below: number) => number = randomInt): string[] {
  const letters = Array.from({ length: count }, (_, i) => letter(i));
  for (let i = count - 1; i > 0; i--) {
    const j = pick(i + 1);
    [letters[i], letters[j]] = [letters[j]!, letters[i]!];
  }
  return letters;
}

/** Orders letters as they count: "B" before "AA". */
export function byLetter(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with Argon2id, salted, in the PHC string format", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(a).not.toContain("correct horse");
    // A random salt per hash: the same password never gives the same hash twice.
    expect(b).not.toBe(a);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    await expect(verifyPassword(stored, "correct horse battery staple")).resolves.toBe(true);
    await expect(verifyPassword(stored, "correct horse battery stapl")).resolves.toBe(false);
    await expect(verifyPassword(stored, "Correct horse battery staple")).resolves.toBe(false);
    await expect(verifyPassword(stored, "")).resolves.toBe(false);
  });

  it("answers false, never throws, for a hash that is garbage or of another scheme", async () => {
    for (const garbage of ["", "not-a-hash", "$argon2id$v=19$m=19456,t=2,p=1$broken", "$2b$10$abcdefghijklmnopqrstuuJ2sgm7sWDdHEhBNpvsbZJkzuUHMJEma"]) {
      await expect(verifyPassword(garbage, "anything")).resolves.toBe(false);
    }
  });

  it("keeps one dummy hash for unknown addresses, which no guess matches", async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy).toMatch(/^\$argon2id\$/);
    await expect(dummyPasswordHash()).resolves.toBe(dummy);
    await expect(verifyPassword(dummy, "demo-password")).resolves.toBe(false);
  });
});

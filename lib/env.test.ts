import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults for a newcomer's empty environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEBRIEF_DATA_DIR).toBe(".data");
  });

  it("names every bad or missing variable", () => {
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", AUTH_OIDC_ISSUER: "https://id.example.com" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const message = (e as EnvError).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL: must be a postgresql:// connection string");
      expect(message).toContain("AUTH_OIDC_CLIENT_ID: is required when single sign-on is configured");
      expect(message).toContain("AUTH_OIDC_CLIENT_SECRET");
    }
  });

  it("requires the environment admin's e-mail and password together", () => {
    expect(() => parseEnv({ DEBRIEF_ADMIN_EMAIL: "a@b.co" })).toThrow(/DEBRIEF_ADMIN_PASSWORD/);
    expect(parseEnv({ DEBRIEF_ADMIN_EMAIL: "a@b.co", DEBRIEF_ADMIN_PASSWORD: "long-enough-password" }).DEBRIEF_ADMIN_EMAIL).toBe("a@b.co");
  });

  it("runs several web processes only with Redis to share live updates through", () => {
    expect(parseEnv({}).DEBRIEF_WEB_PROCESSES).toBe(1);
    expect(() => parseEnv({ DEBRIEF_WEB_PROCESSES: "2" })).toThrow(/REDIS_URL: is required when DEBRIEF_WEB_PROCESSES is above 1/);
    expect(() => parseEnv({ DEBRIEF_WEB_PROCESSES: "0", REDIS_URL: "redis://localhost:6379" })).toThrow(/DEBRIEF_WEB_PROCESSES/);
    expect(() => parseEnv({ DEBRIEF_WEB_PROCESSES: "two", REDIS_URL: "redis://localhost:6379" })).toThrow(/DEBRIEF_WEB_PROCESSES/);
    expect(parseEnv({ DEBRIEF_WEB_PROCESSES: "2", REDIS_URL: "redis://localhost:6379" }).DEBRIEF_WEB_PROCESSES).toBe(2);
  });

  it("refuses a short session secret", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });
});

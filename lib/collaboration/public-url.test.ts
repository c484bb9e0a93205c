import { describe, expect, it } from "vitest";
import { collaborationUrl } from "./public-url";

const env = { COLLAB_PUBLIC_URL: undefined, DEBRIEF_COLLAB: "1" as const, COLLAB_PORT: 3001 };
const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { method: "POST", headers });

describe("collaborationUrl", () => {
  it("is the web app's own host under /collab, ws or wss as the request came in", () => {
    expect(collaborationUrl(req("http://localhost:3000/api/v1/reviews/r/collaboration", { host: "localhost:3000" }), env)).toBe("ws://localhost:3000/collab");
    expect(collaborationUrl(req("https://debrief.example.com/api/x", { host: "debrief.example.com" }), env)).toBe("wss://debrief.example.com/collab");
  });

  it("follows a reverse proxy's forwarded host and protocol", () => {
    const behind = req("http://127.0.0.1:3000/api/x", { host: "127.0.0.1:3000", "x-forwarded-proto": "https", "x-forwarded-host": "debrief.example.com" });
    expect(collaborationUrl(behind, env)).toBe("wss://debrief.example.com/collab");
  });

  it("uses COLLAB_PUBLIC_URL when set, and COLLAB_PORT when the web process does not serve /collab", () => {
    expect(collaborationUrl(req("http://localhost:3000/x"), { ...env, COLLAB_PUBLIC_URL: "wss://collab.example.com/collab" })).toBe("wss://collab.example.com/collab");
    expect(collaborationUrl(req("http://localhost:3000/x", { host: "debrief.local:3000" }), { ...env, DEBRIEF_COLLAB: "0" })).toBe("ws://debrief.local:3001/collab");
  });
});

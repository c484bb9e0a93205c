/**
 * lib/users/install-status.ts: what the admin overview says about sign-in, e-mail and trackers —
 * for admins only, and never a secret.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { getInstallStatus } from "../../lib/users/install-status";
import { actorFor, buildTeam, buildUser } from "../support/factories";

describe("the install's set-up, for admins", () => {
  it("names single sign-on and e-mail when set up, and what to set when not — never a secret", async () => {
    const admin = await actorFor((await buildUser({ role: "ADMIN" })).id);
    const bare = await getInstallStatus(admin, { ...env(), AUTH_OIDC_ISSUER: undefined, AUTH_OIDC_CLIENT_ID: undefined, AUTH_OIDC_CLIENT_SECRET: undefined, SMTP_URL: undefined });
    expect(bare.signIn).toEqual({ password: true, sso: null });
    expect(bare.email).toBeNull();

    const configured = await getInstallStatus(admin, {
      ...env(),
      AUTH_OIDC_ISSUER: "https://id.example.com/realms/acme",
      AUTH_OIDC_CLIENT_ID: "debrief",
      AUTH_OIDC_CLIENT_SECRET: "oidc-secret-value",
      AUTH_OIDC_NAME: "Acme SSO",
      SMTP_URL: "smtp://mailer:smtp-password@smtp.example.com:587",
      EMAIL_FROM: "Debrief <debrief@example.com>",
    });
    expect(configured.signIn.sso).toEqual({ name: "Acme SSO", issuerHost: "id.example.com" });
    expect(configured.email).toEqual({ host: "smtp.example.com:587", from: "Debrief <debrief@example.com>" });
    const text = JSON.stringify(configured);
    for (const secret of ["oidc-secret-value", "smtp-password", "mailer"]) expect(text).not.toContain(secret);
  });

  it("lists every team's tracker connection without its credentials", async () => {
    const admin = await actorFor((await buildUser({ role: "ADMIN" })).id);
    const [connected, bare] = [await buildTeam(), await buildTeam()];
    await db().backlogConnection.create({
      data: { teamId: connected.id, provider: "GITHUB", settings: { owner: "acme", repo: "payments" }, credentials: "encrypted-credentials", autoPush: true, lastTestedAt: new Date(), lastTestOk: false },
    });
    const { trackers } = await getInstallStatus(admin);
    expect(trackers.find((t) => t.team.slug === connected.slug)).toEqual({
      team: { name: connected.name, slug: connected.slug },
      connection: { provider: "github", autoPush: true, lastTest: { ok: false, at: expect.any(Date) } },
    });
    expect(trackers.find((t) => t.team.slug === bare.slug)).toEqual({ team: { name: bare.name, slug: bare.slug }, connection: null });
    expect(JSON.stringify(trackers)).not.toContain("encrypted-credentials");
  });

  it("is for admins only", async () => {
    const member = await actorFor((await buildUser()).id);
    await expect(getInstallStatus(member)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

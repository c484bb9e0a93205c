/**
 * How this install is set up, for the admin overview: how people sign in (password always; single
 * sign-on when the OIDC variables are set), whether e-mail goes out, and each team's tracker
 * connection. Names what to set, never a secret (no client secret, no SMTP password, no token).
 */
import { db } from "../db/client";
import { env, oidcConfigured, type Env } from "../env";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";

export async function getInstallStatus(actor: Actor, e: Env = env()) {
  authorize(actor, "admin:manage", null, { message: "Only admins see how Debrief is set up." });
  const teams = await db().team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, backlogConnection: { select: { provider: true, autoPush: true, lastTestOk: true, lastTestedAt: true } } },
  });
  const host = (url: string | undefined) => (url ? new URL(url).host : null);
  return {
    signIn: {
      password: true,
      sso: oidcConfigured(e) ? { name: e.AUTH_OIDC_NAME, issuerHost: host(e.AUTH_OIDC_ISSUER)! } : null,
    },
    email: e.SMTP_URL ? { host: host(e.SMTP_URL)!, from: e.EMAIL_FROM } : null,
    trackers: teams.map((t) => ({
      team: { name: t.name, slug: t.slug },
      connection: t.backlogConnection
        ? {
            provider: t.backlogConnection.provider.toLowerCase(),
            autoPush: t.backlogConnection.autoPush,
            lastTest: t.backlogConnection.lastTestedAt ? { ok: Boolean(t.backlogConnection.lastTestOk), at: t.backlogConnection.lastTestedAt } : null,
          }
        : null,
    })),
  };
}

export type InstallStatus = Awaited<ReturnType<typeof getInstallStatus>>;

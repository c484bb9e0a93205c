/**
 * Auth.js (next-auth v5) configuration: e-mail + password through the standard credentials
 * provider (id "credentials"), and single sign-on through any OpenID Connect provider configured
 * by AUTH_OIDC_* variables. Sessions are signed JWT cookies (AUTH_SECRET is persisted, so
 * sessions survive restarts); every request re-reads the user, so deactivation and role changes
 * take effect at once.
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { z } from "zod";
import { db } from "../db/client";
import { env, oidcConfigured } from "../env";
import { log } from "../log";
import { dummyPasswordHash, verifyPassword } from "./password";
import { checkSignInLimit, recordSignInAttempt } from "./sign-in-attempts";
import { createSsoUser } from "../users/sso-users";

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}
export class DeactivatedSignIn extends CredentialsSignin {
  code = "deactivated";
}

const credentialsSchema = z.object({ email: z.email().transform((e) => e.toLowerCase()), password: z.string().min(1).max(1000) });

/** The client address, as set by Debrief's server (never trusted from the client). */
export function clientIp(request: Request | undefined): string {
  return request?.headers.get("x-debrief-client-ip") ?? "unknown";
}

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request);
        const limit = await checkSignInLimit(email, ip);
        if (!limit.allowed) {
          log.warn({ event: "sign_in_rate_limited", ip }, "sign-in rate limited");
          throw new RateLimitedSignIn();
        }
        const user = await db().user.findUnique({ where: { email } });
        const ok = user?.passwordHash
          ? await verifyPassword(user.passwordHash, password)
          : (await verifyPassword(await dummyPasswordHash(), password), false);
        await recordSignInAttempt(email, ip, ok);
        if (!ok || !user) return null;
        if (user.deactivatedAt) throw new DeactivatedSignIn();
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  const e = env();
  if (oidcConfigured(e)) {
    list.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_CLIENT_ID,
      clientSecret: e.AUTH_OIDC_CLIENT_SECRET,
      // The identity provider is the organisation's own, configured by an admin: an SSO sign-in
      // with a verified company address is the same person as the Debrief user with that address
      // (the signIn callback refuses addresses the provider says it has not verified).
      allowDangerousEmailAccountLinking: true,
      checks: ["pkce", "state", "nonce"],
    });
  }
  return list;
}

/**
 * The Prisma adapter, except that users are created by Debrief's own use case: with their audit
 * event in the same transaction, and the first user of an install as its admin. (Auth.js's
 * `events.createUser` cannot do this: it also fires when an SSO sign-in is linked to an existing
 * user, which would record a second "joined" for them.)
 */
function adapter(): Adapter {
  return {
    ...PrismaAdapter(db()),
    createUser: ({ name, email, emailVerified, image }) => createSsoUser({ name, email, emailVerified, image }),
  };
}

export const authConfig = (): NextAuthConfig => ({
  adapter: adapter(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: providers(),
  logger: {
    error: (error) => log.error({ err: { name: error.name, message: error.message } }, "auth error"),
    warn: (code) => log.warn({ code }, "auth warning"),
    debug: () => {},
  },
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!user?.email) return false;
      // An address the identity provider has not verified says nothing about who this is.
      if (account?.type === "oidc" && profile?.email_verified === false) {
        log.warn({ event: "sso_email_unverified", provider: account.provider }, "single sign-on refused: e-mail address not verified");
        return false;
      }
      const existing = await db().user.findUnique({ where: { email: user.email.toLowerCase() }, select: { deactivatedAt: true } });
      return !existing?.deactivatedAt;
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());

/**
 * A real OpenID Connect provider (`oidc-provider` 9) for the single sign-on tests, on
 * http://localhost:<port> — the issuer the Debrief server under test is configured with
 * (AUTH_OIDC_ISSUER in server-env.ts). Authorization code flow with PKCE and a client secret,
 * as Auth.js uses it; the built-in development login and consent pages stand in for a company's
 * sign-in page: any known login (an e-mail address from `accounts`) signs in, with any password.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { OIDC_CLIENT } from "./server-env";

/** A person at the identity provider; `login` is what they type on its login page (default: the e-mail). */
export type SsoAccount = { email: string; name: string; login?: string; emailVerified?: boolean };

export type RunningOidcProvider = { issuer: string; stop: () => Promise<void> };

export async function startOidcProvider(options: { port: number; redirectUri: string; accounts: SsoAccount[] }): Promise<RunningOidcProvider> {
  const issuer = `http://localhost:${options.port}`;
  const accounts = new Map(options.accounts.map((a) => [a.login ?? a.email, a]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    // Auth.js always sends a PKCE challenge; make the provider insist on it.
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the requested e-mail and profile claims into the ID token, which is where Auth.js reads them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["debrief-e2e-oidc-cookie-key-1", "debrief-e2e-oidc-cookie-key-0"] },
    // Lifetimes set explicitly (the defaults work, but the provider asks for them to be chosen).
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: account.emailVerified ?? true, name: account.name }),
      };
    },
  });
  // Errors the provider handles (e.g. a bad request from the client) are shown in the test's output.
  provider.on("server_error", (_ctx, error) => console.error("[oidc-provider] server_error", error));

  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "localhost", resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  if (bound !== options.port) throw new Error(`oidc-provider listens on ${bound}, not ${options.port}`);
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

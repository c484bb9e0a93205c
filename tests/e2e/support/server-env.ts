/** The environment of the Debrief server the end-to-end tests run against (also used to start extra instances). */
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
export const OIDC_CLIENT = { id: "debrief-e2e", secret: "debrief-e2e-client-secret" };

export function serverEnv(port: number): Record<string, string> {
  const oidcPort = process.env.E2E_OIDC_PORT ?? "3299";
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    PORT: String(port),
    HOST: "localhost",
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    DEBRIEF_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e",
    DEBRIEF_DEMO: "1",
    AUTH_SECRET: E2E_AUTH_SECRET,
    AUTH_OIDC_ISSUER: `http://localhost:${oidcPort}`,
    AUTH_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    AUTH_OIDC_NAME: "Example SSO",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
  };
}

/** The collaboration server as configured by the environment (lib/env.ts): secret, Redis. */
import type { Env } from "../env";
import { createCollaborationServer, type CollaborationServer } from "./server";
import { collabSecret } from "./token";

export function collaborationServerFromEnv(e: Env): Promise<CollaborationServer> {
  return createCollaborationServer({ secret: collabSecret(e), redisUrl: e.REDIS_URL });
}

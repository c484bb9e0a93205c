/**
 * Scale-out: with REDIS_URL, instances share documents through @hocuspocus/extension-redis
 * (updates and presence relayed, one instance stores at a time). Imported only when configured,
 * so a single instance never loads the Redis client.
 */
import type { Extension } from "@hocuspocus/server";

export async function redisExtension(redisUrl: string): Promise<Extension> {
  const { Redis } = await import("@hocuspocus/extension-redis");
  const url = new URL(redisUrl);
  const db = Number(url.pathname.slice(1) || 0);
  return new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    prefix: "debrief-collab",
    options: {
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(Number.isInteger(db) && db > 0 ? { db } : {}),
      ...(url.protocol === "rediss:" ? { tls: {} } : {}),
    },
  });
}

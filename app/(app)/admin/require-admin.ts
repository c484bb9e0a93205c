import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/policies";

/**
 * The signed-in admin, for admin pages. Everyone else gets the ordinary 404 page: the admin area
 * is not advertised to people who cannot use it. (The use cases authorize again.)
 */
export async function requireAdmin(path: string) {
  const actor = await requireActor(path);
  if (!can(actor, "admin:manage", null)) notFound();
  return actor;
}

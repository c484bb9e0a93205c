import { db } from "../db/client";
import { DEMO_PASSWORD, DEMO_USERS } from "../db/seed-demo";

/** The demo users still present on an install seeded with demo data (empty on a real install). */
export async function demoAccounts() {
  const seeded = await db().auditEvent.findFirst({ where: { type: "user.joined", data: { path: ["via"], equals: "demo" } }, select: { id: true } });
  if (!seeded) return { password: DEMO_PASSWORD, users: [] };
  const present = new Set(
    (await db().user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) }, deactivatedAt: null }, select: { email: true } })).map((u) => u.email),
  );
  return { password: DEMO_PASSWORD, users: DEMO_USERS.filter((u) => present.has(u.email)) };
}

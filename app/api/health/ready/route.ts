import { checkReadiness } from "@/lib/server/readiness";

/** Readiness: database reachable and migrations applied (503 otherwise). */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}

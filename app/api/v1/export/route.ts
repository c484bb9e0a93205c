import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { exportOrganisation } from "@/lib/export/export-organisation";

export const dynamic = "force-dynamic";

export const GET = operationRoute(operations.exportOrganisation, async ({ actor }) => {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(exportOrganisation(actor), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="debrief-export-${stamp}.json"`,
      "cache-control": "no-store",
    },
  });
});

import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { exportReport } from "@/lib/library/export-report";

export const GET = operationRoute(operations.exportReport, async ({ actor, params, query, request }) => {
  const url = new URL(`/reviews/${params.id}/report`, request.url).toString();
  const file = await exportReport(actor, params.id, query, { url });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});

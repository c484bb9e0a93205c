import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getReport } from "@/lib/library/get-report";
import { updateReportDetails } from "@/lib/library/update-report-details";

export const GET = operationRoute(operations.getReport, ({ actor, params }) => getReport(actor, params.id));

export const PATCH = operationRoute(operations.updateReport, async ({ actor, params, body }) => {
  await updateReportDetails(actor, params.id, body);
  return getReport(actor, params.id);
});

import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getReport } from "@/lib/library/get-report";

export const GET = operationRoute(operations.getLibraryReview, ({ actor, params }) => getReport(actor, params.id, { publishedOnly: true }));

import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { createFinding } from "@/lib/findings/create-finding";
import { listFindings } from "@/lib/findings/list-findings";

export const GET = operationRoute(operations.listFindings, ({ actor, params }) => listFindings(actor, params.id));

export const POST = operationRoute(operations.createFinding, ({ actor, params, body }) => createFinding(actor, params.id, body));

import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getSession } from "@/lib/session/get-session";
import { updateSession } from "@/lib/session/update-session";

export const GET = operationRoute(operations.getSession, ({ actor, params }) => getSession(actor, params.id));

export const PATCH = operationRoute(operations.updateSession, ({ actor, params, body }) => updateSession(actor, params.id, body));

import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { revokeApiToken } from "@/lib/auth/manage-api-tokens";

export const DELETE = operationRoute(operations.revokeApiToken, ({ actor, params }) => revokeApiToken(actor, params.id));

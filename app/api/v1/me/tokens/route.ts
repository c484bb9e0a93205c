import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { createApiToken, listApiTokens } from "@/lib/auth/manage-api-tokens";

export const GET = operationRoute(operations.listApiTokens, ({ actor }) => listApiTokens(actor));

export const POST = operationRoute(operations.createApiToken, ({ actor, body }) => createApiToken(actor, body));

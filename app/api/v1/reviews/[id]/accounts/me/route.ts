import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getMyAccount } from "@/lib/responder-accounts/get-my-account";
import { saveMyAccount } from "@/lib/responder-accounts/save-my-account";

export const GET = operationRoute(operations.getMyAccount, ({ actor, params }) => getMyAccount(actor, params.id));

export const PUT = operationRoute(operations.saveMyAccount, ({ actor, params, body }) => saveMyAccount(actor, params.id, body));

import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { listAccounts } from "@/lib/responder-accounts/list-accounts";

export const GET = operationRoute(operations.listAccounts, ({ actor, params }) => listAccounts(actor, params.id));

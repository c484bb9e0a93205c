import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getMyAccount } from "@/lib/responder-accounts/get-my-account";
import { reopenMyAccount } from "@/lib/responder-accounts/submit-my-account";

export const POST = operationRoute(operations.reopenMyAccount, async ({ actor, params }) => {
  await reopenMyAccount(actor, params.id);
  return getMyAccount(actor, params.id);
});

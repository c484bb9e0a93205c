import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { configureAccounts } from "@/lib/responder-accounts/configure-accounts";
import { promptsOf } from "@/lib/responder-accounts/prompts";

export const PATCH = operationRoute(operations.configureAccounts, async ({ actor, params, body }) => {
  const review = await configureAccounts(actor, params.id, body);
  return {
    deadline: review.accountDeadline,
    anonymise: review.anonymiseAccounts,
    prompts: promptsOf(review.accountPrompts),
    defaultPrompts: review.accountPrompts === null,
  };
});

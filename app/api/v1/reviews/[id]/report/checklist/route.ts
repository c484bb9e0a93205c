import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getPublishState } from "@/lib/library/get-publish-state";

export const GET = operationRoute(operations.getPublishChecklist, async ({ actor, params }) => {
  const state = await getPublishState(actor, params.id);
  return { ready: state.ready, items: state.checklist };
});

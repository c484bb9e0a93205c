import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { addParticipant } from "@/lib/reviews/add-participant";

export const POST = operationRoute(operations.addParticipant, ({ actor, params, body }) => addParticipant(actor, params.id, body));

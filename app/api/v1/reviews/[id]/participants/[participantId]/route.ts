import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { removeParticipant } from "@/lib/reviews/remove-participant";

export const DELETE = operationRoute(operations.removeParticipant, ({ actor, params }) => removeParticipant(actor, params.id, params.participantId));

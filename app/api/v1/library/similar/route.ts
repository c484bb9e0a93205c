import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { similarToYourServices } from "@/lib/library/similar-to-your-services";

export const GET = operationRoute(operations.getSimilarToMyServices, ({ actor, query }) => similarToYourServices(actor, { limit: query.limit }));

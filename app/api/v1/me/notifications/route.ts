import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { listMyNotifications } from "@/lib/notify/notifications";

export const GET = operationRoute(operations.listNotifications, ({ actor, query }) => listMyNotifications(actor, query));

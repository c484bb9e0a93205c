import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { markNotificationsRead } from "@/lib/notify/notifications";

export const POST = operationRoute(operations.markNotificationsRead, ({ actor, body }) => markNotificationsRead(actor, body.ids));

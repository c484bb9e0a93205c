import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { follow } from "@/lib/follow/follow";
import { listSubscriptions } from "@/lib/follow/list-subscriptions";
import { unfollow } from "@/lib/follow/unfollow";

export const GET = operationRoute(operations.listSubscriptions, ({ actor }) => listSubscriptions(actor));
export const POST = operationRoute(operations.followSubscription, ({ actor, body }) => follow(actor, body));
export const DELETE = operationRoute(operations.unfollowSubscription, ({ actor, query }) => unfollow(actor, query));

/** REST API v1 operations of your in-app notifications (merged into `operations` in ../operations.ts). */
import { z } from "zod";
import { operation } from "../operation";
import { notificationListSchema } from "../responses/accounts";

export const listNotificationsSchema = z.object({
  unreadOnly: z
    .enum(["true", "false"], { error: "unreadOnly is true or false." })
    .optional()
    .transform((v) => v === "true")
    .describe("Only unread notifications."),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const markNotificationsReadSchema = z.object({
  ids: z.array(z.string().min(1)).max(500).optional().describe("The notifications to mark read; all of yours when omitted. Ids that are not yours are ignored."),
});

export const notificationOperations = {
  listNotifications: operation({
    operationId: "listNotifications",
    method: "GET",
    path: "/api/v1/me/notifications",
    tag: "Me",
    summary: "List your notifications",
    description: "Newest first: requests to write your account, reminders, reveals. They never contain anyone's account.",
    auth: "token-or-session",
    query: listNotificationsSchema,
    status: 200,
    response: notificationListSchema,
    responseDescription: "Your latest notifications and how many are unread.",
    errors: [],
  }),
  markNotificationsRead: operation({
    operationId: "markNotificationsRead",
    method: "POST",
    path: "/api/v1/me/notifications/read",
    tag: "Me",
    summary: "Mark notifications read",
    auth: "token-or-session",
    body: markNotificationsReadSchema,
    status: 204,
    responseDescription: "Marked read.",
    errors: [],
  }),
};

/**
 * REST API v1 operation for joining a review's co-edited narrative (merged into `operations` in
 * ../operations.ts): the collaboration server's WebSocket URL, the document's name and a
 * short-lived token, for the standard `@hocuspocus/provider`.
 */
import { z } from "zod";
import { COLLAB_TOKEN_TTL_S } from "../../collaboration/token";
import { operation, reviewParams } from "../operation";
import { dateTime } from "../wire";

export const collaborationGrantSchema = z.object({
  url: z.string().describe("The collaboration server's WebSocket URL (ws:// or wss://), for `HocuspocusProviderWebsocket({ url })`."),
  document: z.string().describe("The narrative document's name, for `HocuspocusProvider({ name })`, e.g. `review:<id>:narrative`."),
  token: z.string().describe(`Pass as the provider's \`token\`. Valid for ${COLLAB_TOKEN_TTL_S / 60} minutes, to connect: ask again to reconnect later.`),
  expiresAt: dateTime.describe("When the token stops being accepted for new connections."),
  readOnly: z.boolean().describe("True for observers and once the review is published: the server applies no edits from this connection."),
});

export const collaborationOperations = {
  createCollaborationToken: operation({
    operationId: "createCollaborationToken",
    method: "POST",
    path: "/api/v1/reviews/{id}/collaboration",
    tag: "Reviews",
    summary: "Join the review's co-edited narrative",
    description:
      "Returns what the standard `@hocuspocus/provider` needs to open the review's narrative (a Yjs document edited with Tiptap): " +
      "the WebSocket `url`, the `document` name and a short-lived `token`. " +
      "For the review's participants and admins, from the reveal (GROUP) on; read-only for observers and after publication. " +
      "The collaboration server checks access again on connect and every few seconds while connected (a removed participant is disconnected). " +
      "404 for anyone else, as for a review they may not see; 409 before the accounts are revealed.",
    auth: "token-or-session",
    params: reviewParams,
    status: 200,
    response: collaborationGrantSchema,
    responseDescription: "How to connect.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
};

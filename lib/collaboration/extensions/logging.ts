/** Logging: who connected to which document, read-only or not, and when they left. Ids only, never content. */
import type { Extension } from "@hocuspocus/server";
import { collabLog, isCollabContext } from "../refusal";

export function loggingExtension(): Extension {
  return {
    extensionName: "debrief-logging",
    async connected({ context, documentName, socketId, connectionConfig }) {
      const userId = isCollabContext(context) ? context.userId : undefined;
      collabLog.info({ event: "collab_connected", document: documentName, userId, socketId, readOnly: connectionConfig.readOnly }, "collaborator connected");
    },
    async onDisconnect({ context, documentName, socketId, clientsCount }) {
      const userId = isCollabContext(context) ? context.userId : undefined;
      collabLog.info({ event: "collab_disconnected", document: documentName, userId, socketId, remaining: clientsCount }, "collaborator disconnected");
    },
    async afterUnloadDocument({ documentName }) {
      collabLog.debug({ event: "collab_unloaded", document: documentName }, "document unloaded");
    },
  };
}

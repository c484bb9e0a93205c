/**
 * Authentication: the token must be ours, unexpired and for this very document; then the
 * person's access is read from the database (lib/policies' facts, via load-access.ts). Observers
 * and everyone after publication get a read-only connection. Every refusal is logged with its
 * reason — never with the token or any content.
 */
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { COLLAB_CLOSE, type CollabCloseEvent } from "../close-events";
import { parseDocumentName } from "../document-name";
import { loadNarrativeAccess } from "../load-access";
import { collabLog, CollabRefusal, type CollabContext } from "../refusal";
import { verifyCollabToken } from "../token";

export function authenticationExtension(options: { secret: string; now?: () => number }): Extension {
  const now = options.now ?? Date.now;
  return {
    extensionName: "debrief-authentication",
    priority: 200,
    async onAuthenticate({ token, documentName, connectionConfig, socketId, request }: onAuthenticatePayload): Promise<CollabContext> {
      const refuse = (event: CollabCloseEvent, fields: Record<string, unknown> = {}) => {
        const ip = request?.headers.get("x-debrief-client-ip") ?? undefined;
        collabLog.warn({ event: "collab_refused", reason: event.reason, document: documentName, socketId, ip, ...fields }, "collaboration connection refused");
        return new CollabRefusal(event);
      };
      const ref = parseDocumentName(documentName);
      if (!ref) throw refuse(COLLAB_CLOSE.unknownDocument);
      const verified = verifyCollabToken(token ?? "", options.secret, now());
      if (!verified.ok) throw refuse(verified.problem === "expired" ? COLLAB_CLOSE.tokenExpired : COLLAB_CLOSE.invalidToken);
      const { sub: userId, rid, doc } = verified.claims;
      if (doc !== documentName || rid !== ref.reviewId) throw refuse(COLLAB_CLOSE.wrongDocument, { userId, tokenDocument: doc });
      const access = await loadNarrativeAccess(userId, ref.reviewId);
      if (access.mode === "none") {
        throw refuse(access.why === "not-revealed" ? COLLAB_CLOSE.notRevealed : COLLAB_CLOSE.forbidden, { userId, reviewId: ref.reviewId });
      }
      connectionConfig.readOnly = access.mode === "read";
      return { userId, reviewId: ref.reviewId, document: documentName, mode: access.mode };
    },
  };
}

import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { createCollaborationToken } from "@/lib/collaboration/create-collaboration-token";
import { collaborationUrl } from "@/lib/collaboration/public-url";
import { env } from "@/lib/env";

export const POST = operationRoute(operations.createCollaborationToken, async ({ actor, params, request }) => ({
  url: collaborationUrl(request, env()),
  ...(await createCollaborationToken(actor, params.id)),
}));

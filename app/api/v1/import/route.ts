import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { importOrganisation } from "@/lib/export/import-organisation";

export const dynamic = "force-dynamic";
export const maxDuration = 1800;

export const POST = operationRoute(operations.importOrganisation, ({ actor, body }) => importOrganisation(actor, body));

import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { searchLibrary } from "@/lib/library/search-library";

export const GET = operationRoute(operations.searchLibrary, ({ actor, query }) => searchLibrary(actor, query));

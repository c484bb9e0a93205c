import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { libraryFilterOptions } from "@/lib/library/library-filters";

export const GET = operationRoute(operations.getLibraryFilters, ({ actor }) => libraryFilterOptions(actor));

import { buildOpenApiDocument } from "@/lib/api/openapi";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The API's OpenAPI 3.1 document; public, like the API's shape (the data needs authentication). */
export function GET() {
  document ??= buildOpenApiDocument();
  return Response.json(document, { headers: { "cache-control": "public, max-age=300" } });
}

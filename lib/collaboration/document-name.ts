/**
 * Collaborative documents' names, parsed in one place (client-safe, no dependencies). Today a
 * review has one: its narrative, `review:<reviewId>:narrative`.
 */
export type CollabDocumentRef = { kind: "narrative"; reviewId: string };

const NAME = /^review:([A-Za-z0-9_-]{1,64}):(narrative)$/;

/** The name of a review's narrative document. */
export function narrativeDocumentName(reviewId: string): string {
  const name = `review:${reviewId}:narrative`;
  if (!NAME.test(name)) throw new Error("Not a review id.");
  return name;
}

/** What a document name refers to, or null when it is not one of ours. */
export function parseDocumentName(name: string): CollabDocumentRef | null {
  const match = NAME.exec(name);
  return match ? { kind: "narrative", reviewId: match[1]! } : null;
}

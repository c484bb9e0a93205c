import { AppError } from "../errors";

/** Keyset-pagination cursors: an opaque (timestamp, id) pair, so page cost does not grow with the table. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime())) {
    throw new AppError("VALIDATION_FAILED", "The page cursor is not valid.", { fields: { cursor: ["Start again from the first page."] } });
  }
  return { at, id };
}

/**
 * Whether an install is empty enough to import into: no teams, incidents or reviews, and nobody
 * but admins — what a fresh install holds after its first admin was set up. Checked inside the
 * import's transaction, with the tables locked, so nothing slips in between.
 */
import type { Tx } from "../db/client";
import { AppError } from "../errors";

type Q = Pick<Tx, "$queryRawUnsafe" | "$executeRawUnsafe">;

export async function assertEmptyInstall(tx: Q): Promise<void> {
  await tx.$executeRawUnsafe(`LOCK TABLE "User", "Team", "Incident", "Review" IN SHARE ROW EXCLUSIVE MODE`);
  const [c] = await tx.$queryRawUnsafe<{ teams: number; incidents: number; reviews: number; people: number }[]>(
    `SELECT (SELECT count(*) FROM "Team")::int AS teams, (SELECT count(*) FROM "Incident")::int AS incidents,
            (SELECT count(*) FROM "Review")::int AS reviews, (SELECT count(*) FROM "User" WHERE role <> 'ADMIN')::int AS people`,
  );
  if (!c || c.teams + c.incidents + c.reviews + c.people === 0) return;
  const held = [
    c.teams ? `${c.teams} team${c.teams === 1 ? "" : "s"}` : "",
    c.incidents ? `${c.incidents} incident${c.incidents === 1 ? "" : "s"}` : "",
    c.reviews ? `${c.reviews} review${c.reviews === 1 ? "" : "s"}` : "",
    c.people ? `${c.people} ${c.people === 1 ? "person" : "people"} besides admins` : "",
  ].filter(Boolean);
  throw new AppError(
    "CONFLICT",
    `This install is not empty (it holds ${held.join(", ")}): an export is imported only into a fresh install, right after its first admin was set up. Nothing was imported.`,
    { details: { ...c } },
  );
}

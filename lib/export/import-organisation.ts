/**
 * Imports an organisation export (format.ts) into an empty install, in one transaction: nothing
 * is half-imported. The envelope and every row are checked first (import-rows.ts); the install
 * must be empty (install-state.ts) — the admins who set it up are replaced by the export's people,
 * who sign in with their own passwords; then the tables are filled in reference order, the
 * library's search documents rebuilt, and the import audited. Admins only.
 */
import { recordAuditEvent } from "../audit/events";
import { db, type Db, type Tx } from "../db/client";
import { AppError, isAppError } from "../errors";
import { parseInput } from "../http/validation";
import { upsertSearchDocument } from "../library/search-document";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { ident, readCatalog } from "./catalog";
import { EXPORT_VERSION, exportFileSchema } from "./format";
import { checkRows, type PreparedTable } from "./import-rows";
import { assertEmptyInstall } from "./install-state";

const BATCH = 1_000;

export type ImportResult = { formatVersion: number; exportedAt: string; rows: Record<string, number> };

async function knownMigration(tx: Tx, migration: string | null): Promise<void> {
  if (!migration) return;
  const rows = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL`, migration);
  if (rows[0]?.n) return;
  throw new AppError("CONFLICT", `This export comes from a newer Debrief (schema migration ${migration}, which this install has not applied). Upgrade this install first. Nothing was imported.`);
}

async function insertTable(tx: Tx, p: PreparedTable): Promise<void> {
  const cols = p.columns.map(ident).join(", ");
  for (let i = 0; i < p.rows.length; i += BATCH) {
    const batch = JSON.stringify(p.rows.slice(i, i + BATCH));
    try {
      await tx.$executeRawUnsafe(`INSERT INTO ${ident(p.table.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(p.table.name)}, $1::json)`, batch);
    } catch (e) {
      const detail = ((e as { meta?: { message?: string } }).meta?.message ?? (e as Error).message).split("\n")[0]!.slice(0, 300);
      throw new AppError("VALIDATION_FAILED", `The export file is inconsistent: its ${p.table.name} rows could not be stored (${detail}). Nothing was imported.`, { cause: e });
    }
  }
}

export async function importOrganisation(actor: Actor, input: unknown, options: { client?: Db } = {}): Promise<ImportResult> {
  authorize(actor, "organisation:import", null);
  const file = parseInput(exportFileSchema, input, "The export file");
  const client = options.client ?? db();
  try {
    return await client.$transaction(
      async (tx) => {
        await knownMigration(tx, file.migration);
        const catalog = await readCatalog(tx);
        const prepared = checkRows(catalog, file.tables as Record<string, Record<string, unknown>[]>);
        await assertEmptyInstall(tx);
        // The setup's own rows (its admins, their audit trail) give way to the export's.
        for (const t of [...catalog].reverse()) await tx.$executeRawUnsafe(`DELETE FROM ${ident(t.name)}`);
        for (const p of prepared) await insertTable(tx, p);
        const published = await tx.review.findMany({ where: { phase: "PUBLISHED", publishedAt: { not: null } }, select: { id: true } });
        for (const r of published) await upsertSearchDocument(tx, r.id);
        const me = await tx.user.findUnique({ where: { email: actor.email }, select: { id: true } });
        const rows = Object.fromEntries(prepared.map((p) => [p.table.name, p.rows.length]));
        const total = prepared.reduce((n, p) => n + p.rows.length, 0);
        await recordAuditEvent(tx, {
          type: "organisation.imported",
          actorId: me?.id ?? null,
          subjectId: "organisation",
          data: { formatVersion: EXPORT_VERSION, exportedAt: file.exportedAt, rows: total },
        });
        return { formatVersion: EXPORT_VERSION, exportedAt: file.exportedAt, rows };
      },
      { timeout: 30 * 60_000, maxWait: 30_000 },
    );
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError("INTERNAL", `The import failed and was rolled back: nothing was imported (${(e as Error).message.split("\n")[0]!.slice(0, 200)}).`, { cause: e });
  }
}

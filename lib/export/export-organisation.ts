/**
 * Exports the whole organisation as one JSON document (format.ts), streamed: every exported table
 * (tables.ts) read through a cursor in one REPEATABLE READ, read-only transaction — a consistent
 * snapshot however long the download takes — and written as the client reads (backpressure, with
 * up to 32 MB read ahead), so memory stays bounded. Rows are serialised to JSON by the database.
 * Admins only; audited when it starts.
 */
import { recordAuditEvent } from "../audit/events";
import { db, type Db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { log } from "../log";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { ident, readCatalog, type Table } from "./catalog";
import { EXPORT_FORMAT, EXPORT_VERSION } from "./format";
import { nullColumnsOf } from "./tables";

const BATCH = 1_000;
const encoder = new TextEncoder();

function selectList(table: Table): string {
  const nulls = nullColumnsOf(table.name);
  return table.columns
    .filter((c) => c.type !== "unsupported")
    .map((c) => {
      const col = ident(c.name);
      if (nulls.includes(c.name)) return `NULL AS ${col}`;
      if (c.type === "timestamp") return `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${col}`;
      if (c.type === "bytes") return `translate(encode(${col}, 'base64'), E'\\n', '') AS ${col}`;
      return col;
    })
    .join(", ");
}

export async function latestMigration(client: Pick<Tx, "$queryRawUnsafe">): Promise<string | null> {
  const rows = await client.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.name ?? null;
}

/** Writes the document from inside a read-only REPEATABLE READ transaction, table by table through a cursor. */
async function writeDocument(tx: Tx, send: (text: string) => Promise<void>, now: Date): Promise<void> {
  await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
  const catalog = await readCatalog(tx);
  const migration = await latestMigration(tx);
  await send(`{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},"migration":${JSON.stringify(migration)},"tables":{`);
  for (const [t, table] of catalog.entries()) {
    const text = new Set(table.columns.filter((c) => c.type === "text").map((c) => c.name));
    const order = table.primaryKey.map((c) => (text.has(c) ? `${ident(c)} COLLATE "C"` : ident(c))).join(", ");
    await tx.$executeRawUnsafe(`DECLARE export_rows NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM (SELECT ${selectList(table)} FROM ${ident(table.name)} ORDER BY ${order}) x`);
    await send(`${t ? "," : ""}${JSON.stringify(table.name)}:[`);
    for (let first = true; ; first = false) {
      const rows = await tx.$queryRawUnsafe<{ j: string }[]>(`FETCH ${BATCH} FROM export_rows`);
      if (rows.length) await send(`${first ? "" : ","}${rows.map((r) => r.j).join(",")}`);
      if (rows.length < BATCH) break;
    }
    await tx.$executeRawUnsafe("CLOSE export_rows");
    await send("]");
  }
  await send("}}\n");
}

export function exportOrganisation(actor: Actor, options: { client?: Db; now?: Date } = {}): ReadableStream<Uint8Array> {
  authorize(actor, "organisation:export", null);
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  let wake: (() => void) | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const send = async (text: string) => {
          while ((controller.desiredSize ?? 1) <= 0 && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
          if (cancelled) throw new Error("The export was cancelled by the client.");
          controller.enqueue(encoder.encode(text));
        };
        // Audited when it starts (a cancelled download was still an export): the event is in the export.
        client
          .$transaction((w) => recordAuditEvent(w, { type: "organisation.exported", actorId: actor.id, subjectId: "organisation", data: { formatVersion: EXPORT_VERSION } }))
          .then(() =>
            client.$transaction((tx) => writeDocument(tx, send, now), {
              isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
              timeout: 60 * 60_000,
              maxWait: 30_000,
            }),
          )
          .then(
            () => controller.close(),
            (err: unknown) => {
              if (!cancelled) log.error({ err }, "organisation export failed");
              controller.error(err);
            },
          );
      },
      pull() {
        wake?.();
        wake = null;
      },
      cancel() {
        cancelled = true;
        wake?.();
      },
    },
    // Read ahead of a slow client by up to 32 MB, so the transaction (which holds the embedded
    // database's single session) usually ends long before the download does.
    new ByteLengthQueuingStrategy({ highWaterMark: 32 * 1024 * 1024 }),
  );
}

/**
 * Checks an export's rows against this install's tables (catalog.ts) before anything is written:
 * every table known, every column known and of the right type, required columns present, enum
 * values valid. Problems are reported by path (`tables.Review[3].phase`), the first ones only.
 * Then prepares the rows for insertion: bytes from base64 to PostgreSQL's hex form, and rows of
 * self-referencing tables (comment replies) after the rows they refer to.
 */
import { z } from "zod";
import { AppError, type FieldErrors } from "../errors";
import type { Column, Table } from "./catalog";

const MAX_PROBLEMS = 20;

function valueSchema(c: Column): z.ZodType {
  const base: z.ZodType = (() => {
    switch (c.type) {
      case "text":
        return z.string();
      case "timestamp":
        return z.iso.datetime({ offset: true, error: "Expected an ISO 8601 date-time, e.g. 2026-01-31T12:00:00.000Z." });
      case "integer":
        return z.number().int();
      case "number":
        return z.number();
      case "boolean":
        return z.boolean();
      case "json":
        return z.json();
      case "text[]":
        return z.array(z.string());
      case "bytes":
        return z.base64({ error: "Expected base64." });
      case "enum":
        return z.enum(c.enumValues as [string, ...string[]]);
      default:
        return z.never({ error: "This column is not part of an export." });
    }
  })();
  return c.nullable ? base.nullable() : base;
}

/** The row schema of a table: the columns the file's first row names, each required in every row. */
function rowSchema(table: Table, columns: string[]): z.ZodType<Record<string, unknown>> {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const shape: Record<string, z.ZodType> = {};
  for (const name of columns) {
    const c = byName.get(name);
    shape[name] = c ? valueSchema(c) : z.never({ error: `${table.name} has no column "${name}" in this install (an export from another Debrief version?).` });
  }
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

export type PreparedTable = { table: Table; columns: string[]; rows: Record<string, unknown>[] };

export function checkRows(catalog: Table[], tables: Record<string, Record<string, unknown>[]>): PreparedTable[] {
  const problems: FieldErrors = {};
  let count = 0;
  const add = (path: string, message: string) => {
    if (count++ < MAX_PROBLEMS) (problems[path] ??= []).push(message);
  };
  const known = new Set(catalog.map((t) => t.name));
  for (const name of Object.keys(tables)) if (!known.has(name)) add(`tables.${name}`, `Unknown table "${name}": this install's export does not hold it.`);
  const prepared: PreparedTable[] = [];
  for (const table of catalog) {
    const rows = tables[table.name] ?? [];
    const columns = rows.length ? Object.keys(rows[0]!) : [];
    const missing = table.columns.filter((c) => c.type !== "unsupported" && !c.nullable && !c.hasDefault && rows.length && !columns.includes(c.name));
    for (const c of missing) add(`tables.${table.name}[0].${c.name}`, "Required.");
    const schema = rowSchema(table, columns);
    rows.forEach((row, i) => {
      const result = schema.safeParse(row);
      if (result.success) return;
      for (const issue of result.error.issues) add(`tables.${table.name}[${i}]${issue.path.length ? `.${issue.path.join(".")}` : ""}`, issue.message);
    });
    prepared.push({ table, columns, rows: rows.map((r) => toDatabase(table, r)) });
  }
  if (count) {
    const first = Object.entries(problems)[0]!;
    throw new AppError("VALIDATION_FAILED", `The export file is not valid (${count} problem${count === 1 ? "" : "s"}; first: ${first[0]}: ${first[1][0]}). Nothing was imported.`, { fields: problems });
  }
  for (const p of prepared) if (p.table.selfReferences.length) p.rows = parentsFirst(p.table, p.rows);
  return prepared;
}

function toDatabase(table: Table, row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  for (const c of table.columns) {
    if (c.type === "bytes" && typeof out[c.name] === "string") out[c.name] = `\\x${Buffer.from(out[c.name] as string, "base64").toString("hex")}`;
  }
  return out;
}

/** Rows referring to rows of their own table come after those rows (within one table, e.g. comment replies). */
function parentsFirst(table: Table, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (r: Record<string, unknown>) => table.primaryKey.map((k) => String(r[k])).join("\u0000");
  const byKey = new Map(rows.map((r) => [key(r), r]));
  const placed = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const place = (r: Record<string, unknown>, depth: number) => {
    const k = key(r);
    if (placed.has(k) || depth > 10_000) return;
    for (const col of table.selfReferences) {
      const parent = r[col] === null || r[col] === undefined ? undefined : byKey.get(String(r[col]));
      if (parent) place(parent, depth + 1);
    }
    placed.add(k);
    out.push(r);
  };
  for (const r of rows) place(r, 0);
  return out;
}

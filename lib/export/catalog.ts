/**
 * The exported tables as the database describes them: columns with their types and nullability,
 * enum values, primary keys and foreign keys — read from the catalog, so the export and import
 * follow the schema as migrated (no second description of it to keep in step), and the tables are
 * ordered so every row's references are inserted before it.
 */
import type { Tx } from "../db/client";
import { EXPORTED_TABLES } from "./tables";

type Query = Pick<Tx, "$queryRawUnsafe">;

export type ColumnType = "text" | "timestamp" | "integer" | "number" | "boolean" | "json" | "text[]" | "bytes" | "enum" | "unsupported";

export type Column = { name: string; type: ColumnType; nullable: boolean; hasDefault: boolean; enumValues?: string[] };
export type Table = {
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** Columns referring to this table's own primary key (e.g. Comment.parentId). */
  selfReferences: string[];
};

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A double-quoted SQL identifier; names come from the catalog, and are checked anyway. */
export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Unexpected identifier in the schema: ${name}`);
  return `"${name}"`;
}

function typeOf(dataType: string, udt: string): ColumnType {
  if (dataType === "ARRAY") return udt === "_text" ? "text[]" : "unsupported";
  if (dataType === "USER-DEFINED") return udt === "tsvector" ? "unsupported" : "enum";
  if (dataType === "text" || dataType === "character varying") return "text";
  if (dataType.startsWith("timestamp")) return "timestamp";
  if (dataType === "integer" || dataType === "smallint" || dataType === "bigint") return "integer";
  if (dataType === "double precision" || dataType === "real" || dataType === "numeric") return "number";
  if (dataType === "boolean") return "boolean";
  if (dataType === "jsonb" || dataType === "json") return "json";
  if (dataType === "bytea") return "bytes";
  return "unsupported";
}

export async function readCatalog(client: Query): Promise<Table[]> {
  const tables = EXPORTED_TABLES;
  // One after another: export and import read it in their transaction, one connection (pg warns that concurrent queries on a client end with pg 9).
  const columns = await client.$queryRawUnsafe<{ table: string; name: string; dataType: string; udt: string; nullable: string; dflt: string | null }[]>(
    `SELECT table_name::text AS "table", column_name::text AS name, data_type::text AS "dataType", udt_name::text AS udt, is_nullable::text AS nullable, column_default::text AS dflt
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1::text[]) ORDER BY table_name, ordinal_position`,
    tables,
  );
  const enums = await client.$queryRawUnsafe<{ type: string; label: string }[]>(
    `SELECT t.typname::text AS type, e.enumlabel::text AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
  );
  const keys = await client.$queryRawUnsafe<{ table: string; cols: string[] }[]>(
    `SELECT c.relname::text AS "table", array_agg(a.attname::text ORDER BY k.ord) AS cols
     FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE con.contype = 'p' AND n.nspname = current_schema() AND c.relname = ANY($1::text[]) GROUP BY c.relname`,
    tables,
  );
  const fks = await client.$queryRawUnsafe<{ table: string; references: string; cols: string[] }[]>(
    `SELECT c.relname::text AS "table", r.relname::text AS "references", array_agg(a.attname::text) AS cols
     FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(con.conkey) AS k(attnum) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE con.contype = 'f' AND n.nspname = current_schema() AND c.relname = ANY($1::text[]) GROUP BY con.oid, c.relname, r.relname`,
    tables,
  );
  const enumValues = new Map<string, string[]>();
  for (const e of enums) enumValues.set(e.type, [...(enumValues.get(e.type) ?? []), e.label]);
  const byTable = new Map<string, Table>();
  for (const name of tables) byTable.set(name, { name, columns: [], primaryKey: keys.find((k) => k.table === name)?.cols ?? [], selfReferences: [] });
  for (const c of columns) {
    const type = typeOf(c.dataType, c.udt);
    byTable.get(c.table)!.columns.push({
      name: c.name,
      type,
      nullable: c.nullable === "YES",
      hasDefault: c.dflt !== null,
      ...(type === "enum" ? { enumValues: enumValues.get(c.udt) ?? [] } : {}),
    });
  }
  const dependsOn = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) {
    if (fk.table === fk.references) byTable.get(fk.table)!.selfReferences.push(...fk.cols);
    else if (byTable.has(fk.references)) dependsOn.get(fk.table)!.add(fk.references);
  }
  for (const t of byTable.values()) if (!t.columns.length) throw new Error(`The table ${t.name} is missing: is the database migrated?`);
  return topologicalOrder([...byTable.values()], dependsOn);
}

/** Tables ordered so each comes after the tables it refers to. */
function topologicalOrder(tables: Table[], dependsOn: Map<string, Set<string>>): Table[] {
  const out: Table[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const byName = new Map(tables.map((t) => [t.name, t]));
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}`);
    visiting.add(name);
    for (const dep of [...(dependsOn.get(name) ?? [])].sort()) visit(dep);
    visiting.delete(name);
    done.add(name);
    out.push(byName.get(name)!);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t.name);
  return out;
}

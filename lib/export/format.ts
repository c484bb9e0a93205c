/**
 * The organisation export's file format (version 1, docs/decisions/0008-export-format.md):
 *
 *   { "format": "debrief-organisation-export", "version": 1, "exportedAt": "<ISO 8601>",
 *     "migration": "<the last schema migration of the exporting install>",
 *     "tables": { "<Table>": [ { "<column>": <value>, … }, … ], … } }
 *
 * Rows are the tables' columns as stored: text, numbers and booleans as JSON, dates as ISO 8601
 * UTC strings, JSON columns as JSON, text arrays as arrays, bytes (the narrative's Yjs state) as
 * base64. Tables come in an order where every row's references precede it; rows by primary key.
 */
import { z } from "zod";

export const EXPORT_FORMAT = "debrief-organisation-export";
export const EXPORT_VERSION = 1;

const row = z.record(z.string(), z.unknown());

/** The envelope, checked before any row (rows are checked against the catalog: import-rows.ts). */
export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `This is not a Debrief organisation export: "format" must be "${EXPORT_FORMAT}".` }),
  version: z.literal(EXPORT_VERSION, { error: `This export's format version is not supported: this install reads version ${EXPORT_VERSION}.` }),
  exportedAt: z.iso.datetime({ offset: true, error: "exportedAt must be an ISO 8601 date-time." }),
  migration: z.string().max(300).nullable().describe("The exporting install's last schema migration."),
  tables: z.record(z.string(), z.array(row, { error: "Each table is an array of rows." })),
});

export type ExportFile = z.output<typeof exportFileSchema>;

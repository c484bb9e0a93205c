import { z } from "zod";
import type { Actor } from "../policies/types";
import { isValidTimeZone } from "../ui/time";
import { getReport } from "./get-report";
import { reportMarkdown } from "./report-markdown";
import { reportPdf } from "./report-pdf";

export const EXPORT_FORMATS = ["md", "pdf"] as const;

export const exportReportSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "The format is md (Markdown) or pdf." }).default("md").describe("md (Markdown) or pdf."),
  timezone: z
    .string()
    .optional()
    .refine((tz) => tz === undefined || isValidTimeZone(tz), { message: "Unknown timezone, e.g. Europe/Berlin." })
    .describe("The IANA timezone for times in the document; defaults to your settings, else UTC."),
});
export type ExportReportInput = z.output<typeof exportReportSchema>;

/** A file name from the title: letters, digits and hyphens, at most 80 characters. */
export function exportFileName(title: string, format: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${base || "review"}.${format}`;
}

/**
 * The report as a download — Markdown or PDF — for whoever may read it (`review:read-report`).
 * `url` is the report's address, printed in the document.
 */
export async function exportReport(actor: Actor, reviewId: string, input: ExportReportInput, options: { url?: string } = {}) {
  const report = await getReport(actor, reviewId);
  const timeZone = input.timezone ?? (isValidTimeZone(actor.timezone) ? actor.timezone : "UTC");
  const fileName = exportFileName(report.title, input.format);
  if (input.format === "pdf") {
    return { fileName, contentType: "application/pdf", body: await reportPdf(report, { timeZone, url: options.url }) };
  }
  return { fileName, contentType: "text/markdown; charset=utf-8", body: Buffer.from(reportMarkdown(report, { timeZone, url: options.url }), "utf8") };
}

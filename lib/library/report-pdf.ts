/**
 * The report as a PDF, drawn with pdfkit (docs/decisions/0007-pdf-export.md): no browser needed
 * on the server. The same sections as the printable page, A4, with page numbers. Fonts: DejaVu
 * Sans when the system has it (most scripts), otherwise the built-in Helvetica, with characters it
 * cannot draw replaced.
 */
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { DocMark, DocNode } from "../editor/doc";
import { isSafeHref } from "../editor/doc";
import { formatDateTime, formatDuration } from "../ui/time";
import type { ReportView } from "./get-report";
import { VISIBILITY_LABEL } from "./report-details";

const FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts/dejavu"];
const FACES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", italic: "DejaVuSans-Oblique.ttf", mono: "DejaVuSansMono.ttf" } as const;
const FALLBACK = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique", mono: "Courier" } as const;
type Face = keyof typeof FACES;

/** The font files to embed, or null for the built-in fonts. */
function systemFonts(): Record<Face, string> | null {
  const dir = FONT_DIRS.find((d) => Object.values(FACES).every((f) => existsSync(`${d}/${f}`)));
  return dir ? (Object.fromEntries(Object.entries(FACES).map(([k, f]) => [k, `${dir}/${f}`])) as Record<Face, string>) : null;
}

const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
/** Text the built-in fonts can draw (Windows-1252): accents kept, anything else becomes "?". */
export function winAnsiText(text: string): string {
  return Array.from(text.normalize("NFC"), (ch) => {
    const code = ch.codePointAt(0)!;
    if ((code >= 32 && code < 127) || (code >= 160 && code < 256) || ch === "\n" || WIN_ANSI_EXTRA.has(ch)) return ch;
    const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
    return base && Array.from(base).every((c) => c.charCodeAt(0) < 256) ? base : "?";
  }).join("");
}

const COLOR = { text: "#1f2430", muted: "#5b6275", accent: "#4338ca", rule: "#d9dce3", soft: "#f3f4f8" };
const MARGIN = 56;

/** Renders the report; resolves with the PDF's bytes. */
export function reportPdf(r: ReportView, options: { timeZone: string; url?: string }): Promise<Buffer> {
  const fonts = systemFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: r.title, Subject: `Post-incident review: ${r.incident.title}`, Creator: "Debrief", Producer: "Debrief (pdfkit)" },
    displayTitle: true,
    lang: "en",
  });
  if (fonts) for (const [face, file] of Object.entries(fonts)) doc.registerFont(face, file);
  const font = (face: Face) => doc.font(fonts ? face : FALLBACK[face]);
  const t = (s: string) => (fonts ? s : winAnsiText(s));
  const at = (d: Date) => formatDateTime(new Date(d), options.timeZone);
  const width = doc.page.width - MARGIN * 2;
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  /** Starts a new page when less than `room` points are left (so headings never end a page). */
  const keep = (room: number) => {
    if (doc.y + room > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const para = (text: string, opts: { face?: Face; size?: number; color?: string; indent?: number; gap?: number } = {}) => {
    font(opts.face ?? "regular")
      .fontSize(opts.size ?? 10.5)
      .fillColor(opts.color ?? COLOR.text)
      .text(t(text), MARGIN + (opts.indent ?? 0), doc.y, { width: width - (opts.indent ?? 0), lineGap: 2.5 });
    doc.moveDown(opts.gap ?? 0.5);
  };
  const heading = (text: string) => {
    keep(90);
    doc.moveDown(0.6);
    font("bold").fontSize(14).fillColor(COLOR.text).text(t(text), MARGIN, doc.y, { width });
    const y = doc.y + 3;
    doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
    doc.y = y + 8;
  };
  const subheading = (text: string) => {
    keep(60);
    doc.moveDown(0.2);
    para(text, { face: "bold", size: 11.5, gap: 0.3 });
  };
  const bullet = (text: string, indent = 0, color = COLOR.text) => {
    keep(30);
    const y = doc.y;
    font("regular").fontSize(10.5).fillColor(COLOR.muted).text("•", MARGIN + indent, y, { width: 10 });
    doc.y = y;
    para(text, { indent: indent + 12, gap: 0.25, color });
  };

  // Title block.
  font("regular").fontSize(9).fillColor(COLOR.accent).text(t(`POST-INCIDENT REVIEW · ${r.incident.severity} · ${r.incident.team.name.toUpperCase()}`), { width, characterSpacing: 0.5 });
  doc.moveDown(0.4);
  font("bold").fontSize(22).fillColor(COLOR.text).text(t(r.title), { width, lineGap: 2 });
  doc.moveDown(0.4);
  const meta = [r.publishedAt ? `Published ${at(r.publishedAt)}` : "Draft — not published yet", `Audience: ${VISIBILITY_LABEL[r.visibility]}`];
  if (r.tags.length) meta.push(`Tags: ${r.tags.join(", ")}`);
  para(meta.join("   ·   "), { size: 9.5, color: COLOR.muted, gap: 0.2 });
  if (options.url) para(options.url, { size: 9, color: COLOR.accent, gap: 0.2 });

  heading("Summary");
  para(r.summary || "No summary written.", { color: r.summary ? COLOR.text : COLOR.muted });
  if (r.impact) {
    heading("Impact");
    para(r.impact);
  }

  heading("Incident");
  const i = r.incident;
  const facts: [string, string][] = [
    ["Incident", i.title],
    ["Started", at(i.startedAt)],
    ["Detected", `${at(i.detectedAt)} (${formatDuration(i.startedAt, i.detectedAt)} after start)`],
    ["Resolved", i.resolvedAt ? `${at(i.resolvedAt)} (${formatDuration(i.startedAt, i.resolvedAt)} in all)` : "Not resolved"],
    ["Services", i.services.join(", ") || "None recorded"],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    font("regular").fontSize(10).fillColor(COLOR.muted).text(k, MARGIN, y, { width: 90 });
    doc.y = y;
    para(v, { indent: 95, size: 10, gap: 0.2 });
  }

  if (r.keyMoments.length) {
    heading("Key moments");
    for (const k of r.keyMoments) bullet(`${k.label} — ${at(k.occurredAt)}: ${k.description}`);
  }

  heading("Timeline");
  if (!r.timeline.length) para("No shared timeline.", { color: COLOR.muted });
  for (const e of r.timeline) {
    keep(28);
    const y = doc.y;
    font("regular").fontSize(9).fillColor(COLOR.muted).text(t(at(e.occurredAt)), MARGIN, y + 1, { width: 120 });
    const after = doc.y;
    doc.y = y;
    para(e.keyMoment ? `${e.description}  [${r.keyMoments.find((k) => k.entryId === e.id)?.label ?? e.keyMoment}]` : e.description, {
      indent: 128,
      size: 10,
      gap: 0.35,
      face: e.keyMoment ? "bold" : "regular",
    });
    doc.y = Math.max(doc.y, after);
  }

  heading("Narrative");
  if (!r.narrative?.content?.length) para("Nothing written.", { color: COLOR.muted });
  else renderDoc(r.narrative, 0);

  heading("Findings");
  if (!r.findings.length) para("No findings.", { color: COLOR.muted });
  const actionTitle = new Map(r.actions.map((a) => [a.id, a.title]));
  for (const c of r.findings) {
    subheading(c.label);
    for (const f of c.findings) {
      bullet(f.description ? `${f.title} — ${f.description}` : f.title);
      for (const id of f.actionIds) bullet(`Action: ${actionTitle.get(id) ?? "an action"}`, 14, COLOR.muted);
      if (f.noActionReason) bullet(`No action needed: ${f.noActionReason}`, 14, COLOR.muted);
    }
  }

  heading("Actions");
  if (!r.actions.length) para("No actions.", { color: COLOR.muted });
  for (const a of r.actions) {
    keep(40);
    para(a.title, { face: "bold", size: 10.5, gap: 0.1 });
    const bits = [a.team.name, `${a.priorityLabel} priority`, a.overdue ? `${a.statusLabel} (overdue)` : a.statusLabel, a.dueDate ? `due ${a.dueDate}` : null, a.tracker?.key ?? null];
    para(bits.filter(Boolean).join("  ·  "), { size: 9.5, color: a.overdue ? "#b42318" : COLOR.muted, gap: 0.45 });
  }

  heading("Participants");
  para(r.participants.map((p) => `${p.name} (${p.role.toLowerCase()})`).join(", ") || "—");
  if (r.anonymised) para("Responders are anonymised in this review.", { size: 9.5, color: COLOR.muted });

  keep(90);
  doc.moveDown(0.8);
  const boxY = doc.y;
  font("italic").fontSize(9.5);
  const boxH = doc.heightOfString(t(r.blamelessStatement), { width: width - 24, lineGap: 2 }) + 36;
  doc.rect(MARGIN, boxY, width, boxH).fill(COLOR.soft);
  font("bold").fontSize(8.5).fillColor(COLOR.text).text("A BLAMELESS REVIEW", MARGIN + 12, boxY + 10, { width: width - 24, characterSpacing: 0.5 });
  font("italic").fontSize(9.5).fillColor(COLOR.muted).text(t(r.blamelessStatement), MARGIN + 12, boxY + 26, { width: width - 24, lineGap: 2 });

  // Footers: title and page numbers on every page.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    font("regular").fontSize(8).fillColor(COLOR.muted);
    doc.text(t(r.title.length > 80 ? `${r.title.slice(0, 79)}…` : r.title), MARGIN, doc.page.height - 40, { width: width - 80, lineBreak: false });
    doc.text(`Page ${p - range.start + 1} of ${range.count}`, MARGIN + width - 80, doc.page.height - 40, { width: 80, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;

  function inlineRuns(node: DocNode, face: Face, size: number, indent: number) {
    const runs = (node.content ?? []).flatMap((c) => (c.type === "text" ? [c] : c.type === "hardBreak" ? [{ type: "text" as const, text: "\n" }] : []));
    if (!runs.length) return void doc.moveDown(0.3);
    runs.forEach((run, k) => {
      const marks: DocMark[] = run.marks ?? [];
      const has = (m: DocMark["type"]) => marks.some((x) => x.type === m);
      const link = marks.find((m) => m.type === "link" && m.attrs?.href && isSafeHref(m.attrs.href))?.attrs?.href;
      font(has("code") ? "mono" : has("bold") ? "bold" : has("italic") ? "italic" : face)
        .fontSize(size)
        .fillColor(link ? COLOR.accent : COLOR.text);
      const opts = { width: width - indent, lineGap: 2.5, continued: k < runs.length - 1, link: link ?? null, underline: !!link || has("underline"), strike: has("strike") };
      if (k === 0) doc.text(t(run.text ?? ""), MARGIN + indent, doc.y, opts);
      else doc.text(t(run.text ?? ""), opts);
    });
    doc.moveDown(0.45);
  }

  function renderDoc(node: DocNode, indent: number): void {
    for (const [k, child] of (node.content ?? []).entries()) {
      if (child.type === "paragraph") inlineRuns(child, "regular", 10.5, indent);
      else if (child.type === "heading") {
        keep(50);
        inlineRuns(child, "bold", child.attrs?.level === 2 ? 12.5 : 11.5, indent);
      } else if (child.type === "bulletList" || child.type === "orderedList") {
        for (const [n, item] of (child.content ?? []).entries()) {
          keep(24);
          const y = doc.y;
          font("regular").fontSize(10.5).fillColor(COLOR.muted).text(child.type === "bulletList" ? "•" : `${n + 1}.`, MARGIN + indent, y, { width: 16 });
          doc.y = y;
          renderDoc(item, indent + 16);
        }
      } else if (child.type === "blockquote") renderDoc(child, indent + 14);
      else if (child.type === "codeBlock") {
        para((child.content ?? []).map((c) => c.text ?? "").join(""), { face: "mono", size: 9, indent: indent + 8, color: COLOR.muted });
      } else if (child.type === "horizontalRule") {
        const y = doc.y + 4;
        doc.moveTo(MARGIN + indent, y).lineTo(MARGIN + width, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
        doc.y = y + 8;
      } else if (k >= 0) inlineRuns(child, "regular", 10.5, indent);
    }
  }
}

/**
 * The report as a Markdown document: the same sections, in the same order, as the printable page
 * (app/(app)/reviews/[id]/report). Times in the reader's timezone, named. Pure.
 */
import { formatDateTime, formatDuration } from "../ui/time";
import { docToMarkdown, escapeMarkdown as esc } from "./doc-markdown";
import type { ReportView } from "./get-report";
import { VISIBILITY_LABEL } from "./report-details";

const ROLE_LABEL = { FACILITATOR: "Facilitator", RESPONDER: "Responder", OBSERVER: "Observer" } as const;
const KIND_WORD = { OBSERVATION: "Observation", ACTION: "Action", DECISION: "Decision", COMMUNICATION: "Communication", ALERT: "Alert" } as const;

export function reportMarkdown(r: ReportView, options: { timeZone: string; url?: string }): string {
  const at = (d: Date) => formatDateTime(new Date(d), options.timeZone);
  const i = r.incident;
  const out: string[] = [`# ${esc(r.title)}`, ""];
  const meta = [
    `**${i.severity}**`,
    `Owned by ${esc(i.team.name)}`,
    r.publishedAt ? `Published ${at(r.publishedAt)}` : "Draft — not published yet",
    `Audience: ${VISIBILITY_LABEL[r.visibility]}`,
  ];
  out.push(meta.join(" · "), "");
  if (r.tags.length) out.push(`Tags: ${r.tags.map((t) => `\`${t}\``).join(", ")}`, "");
  if (options.url) out.push(`Online: <${options.url}>`, "");

  out.push("## Summary", "", r.summary ? esc(r.summary) : "_No summary written._", "");
  if (r.impact) out.push("## Impact", "", esc(r.impact), "");

  out.push("## Incident", "");
  out.push(`- **Incident:** ${esc(i.title)}`);
  out.push(`- **Started:** ${at(i.startedAt)}`);
  out.push(`- **Detected:** ${at(i.detectedAt)} (${formatDuration(i.startedAt, i.detectedAt)} after start)`);
  out.push(`- **Resolved:** ${i.resolvedAt ? `${at(i.resolvedAt)} (${formatDuration(i.startedAt, i.resolvedAt)} in all)` : "not resolved"}`);
  out.push(`- **Affected services:** ${i.services.length ? i.services.map((s) => `\`${s}\``).join(", ") : "none recorded"}`);
  if (i.externalUrl) out.push(`- **Link:** <${i.externalUrl}>`);
  out.push("");

  if (r.keyMoments.length) {
    out.push("## Key moments", "");
    for (const k of r.keyMoments) out.push(`- **${k.label}** — ${at(k.occurredAt)}: ${esc(k.description)}`);
    out.push("");
  }

  out.push("## Timeline", "");
  if (!r.timeline.length) out.push("_No shared timeline._");
  else {
    out.push("| Time | Kind | What happened |", "|---|---|---|");
    for (const e of r.timeline) {
      const moment = e.keyMoment ? ` **(${r.keyMoments.find((k) => k.entryId === e.id)?.label ?? e.keyMoment})**` : "";
      out.push(`| ${at(e.occurredAt)} | ${KIND_WORD[e.kind]} | ${esc(e.description).replace(/\n/g, " ")}${moment} |`);
    }
  }
  out.push("");

  out.push("## Narrative", "", docToMarkdown(r.narrative) || "_Nothing written._", "");

  out.push("## Findings", "");
  if (!r.findings.length) out.push("_No findings._", "");
  const actionTitle = new Map(r.actions.map((a) => [a.id, a.title]));
  for (const c of r.findings) {
    out.push(`### ${c.label}`, "");
    for (const f of c.findings) {
      out.push(`- **${esc(f.title)}**${f.description ? ` — ${esc(f.description)}` : ""}`);
      for (const id of f.actionIds) out.push(`  - Action: ${esc(actionTitle.get(id) ?? "an action")}`);
      if (f.noActionReason) out.push(`  - No action needed: ${esc(f.noActionReason)}`);
    }
    out.push("");
  }

  out.push("## Actions", "");
  if (!r.actions.length) out.push("_No actions._");
  else {
    out.push("| Action | Team | Priority | Status | Due |", "|---|---|---|---|---|");
    for (const a of r.actions) {
      const title = a.tracker ? `[${esc(a.title)}](<${a.tracker.url}>)` : esc(a.title);
      out.push(`| ${title} | ${esc(a.team.name)} | ${a.priorityLabel} | ${a.statusLabel}${a.overdue ? " (overdue)" : ""} | ${a.dueDate ?? "—"} |`);
    }
  }
  out.push("");

  out.push("## Participants", "");
  for (const p of r.participants) out.push(`- ${esc(p.name)} — ${ROLE_LABEL[p.role]}`);
  if (r.anonymised) out.push("", "_Responders are anonymised in this review._");
  out.push("", "---", "", `**A blameless review.** _${r.blamelessStatement}_`, "");
  return out.join("\n");
}

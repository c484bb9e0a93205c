import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { exportFileName, exportReport } from "../../lib/library/export-report";
import { getReport } from "../../lib/library/get-report";
import { buildAccount, buildUser, uid } from "../support/factories";
import { buildPublishableReview, buildPublishedReview } from "./library-fixtures";

describe("the report", () => {
  it("shows the published review to its audience with live action status, anonymised responders and the blameless statement", async () => {
    const built = await buildPublishedReview({ visibility: "TEAM", anonymise: true, findings: [{ title: "Retries amplified load" }, { title: "Few knew the dashboard", category: "KNOWLEDGE_GAP" }] });
    const report = await getReport(built.actors.teamMember, built.review.id);
    expect(report).toMatchObject({ published: true, visibility: "TEAM", anonymised: true });
    expect(report.participants.map((p) => p.name)).toEqual([built.users.facilitator.name, "Responder A", "Observer"]);
    expect(report.findings.map((c) => c.category)).toEqual(["CONTRIBUTING_TECHNICAL", "KNOWLEDGE_GAP"]);
    expect(report.keyMoments).toHaveLength(1);
    expect(report.actions).toHaveLength(1);
    expect(report.actions[0]!.status).toBe("OPEN");
    await db().actionItem.updateMany({ where: { reviewId: built.review.id }, data: { status: "DONE", closedAt: new Date() } });
    expect((await getReport(built.actors.teamMember, built.review.id)).actions[0]!.statusLabel).toBe("Done");
    expect(report.blamelessStatement).toContain("conditions, not at individuals");
    await expect(getReport(built.actors.outsider, built.review.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReport(built.actors.outsider, built.review.id, { publishedOnly: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists anonymised responders in letter order, not the order they joined in", async () => {
    const built = await buildPublishedReview({ anonymise: true });
    const later = await buildUser();
    await db().reviewParticipant.create({ data: { reviewId: built.review.id, userId: later.id, role: "RESPONDER", anonymousLabel: "A" } });
    await db().reviewParticipant.updateMany({ where: { reviewId: built.review.id, userId: built.users.responder.id }, data: { anonymousLabel: "B" } });
    const report = await getReport(built.actors.teamMember, built.review.id);
    expect(report.participants.map((p) => p.name)).toEqual([built.users.facilitator.name, "Responder A", "Responder B", "Observer"]);
  });

  it("is a preview for participants before publication, and 404 in the library", async () => {
    const built = await buildPublishableReview();
    expect((await getReport(built.actors.responder, built.review.id)).published).toBe(false);
    await expect(getReport(built.actors.teamMember, built.review.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReport(built.actors.facilitator, built.review.id, { publishedOnly: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("exports", () => {
  it("writes Markdown with every section, escaped, and never account content", async () => {
    const account = `acct${uid()}`;
    const built = await buildPublishableReview({
      title: "Review: Checkout *errors* after <TLS> rotation",
      narrative: "The certificate rotated at 14:02.\nPayments failed until the chain was updated.",
      findings: [{ title: "Pinned chain was out of date", description: "Nobody owned the pin list." }, { title: "Few knew the runbook", category: "KNOWLEDGE_GAP" }],
    });
    await buildAccount({ reviewId: built.review.id, authorId: built.users.responder.id, text: `Private ${account}`, status: "SUBMITTED" });
    const { publishReview } = await import("../../lib/library/publish-review");
    await publishReview(built.actors.facilitator, built.review.id, { summary: "Card payments failed for 38 minutes.", impact: "4,100 customers.", tags: ["tls"], visibility: "ORGANISATION", sensitiveReviewed: true });

    const file = await exportReport(built.actors.outsider, built.review.id, { format: "md", timezone: "Europe/Berlin" }, { url: "http://localhost/reviews/x/report" });
    expect(file).toMatchObject({ fileName: "review-checkout-errors-after-tls-rotation.md", contentType: "text/markdown; charset=utf-8" });
    const md = file.body.toString("utf8");
    expect(md).toContain("# Review: Checkout \\*errors\\* after &lt;TLS&gt; rotation");
    for (const heading of ["## Summary", "## Impact", "## Incident", "## Key moments", "## Timeline", "## Narrative", "## Findings", "## Actions", "## Participants"]) expect(md).toContain(heading);
    expect(md).toContain("Card payments failed for 38 minutes.");
    expect(md).toContain("The certificate rotated at 14:02.");
    expect(md).toContain("**Pinned chain was out of date** — Nobody owned the pin list.");
    expect(md).toContain("No action needed: Already fixed during the incident.");
    expect(md).toMatch(/\| Add a check \w+ \| Team \w+ \| Medium \| Open \| — \|/);
    expect(md).toContain("CET");
    expect(md).toContain("**A blameless review.**");
    expect(md).not.toContain(account);
  });

  it("writes a PDF that starts with %PDF and carries the title", async () => {
    const title = `Review: Queue backlog ${uid()}`;
    const built = await buildPublishedReview({ title, narrative: "Workers fell behind — “quotes”, ünïcödé, 東京 and 🔥 included." });
    const file = await exportReport(built.actors.outsider, built.review.id, { format: "pdf" });
    expect(file.contentType).toBe("application/pdf");
    expect(file.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The document information dictionary's Title (an indirect string object).
    expect(file.body.toString("latin1")).toContain(`(${title})`);
    expect(file.body.length).toBeGreaterThan(2_000);
    expect(file.fileName).toMatch(/^review-queue-backlog-\w+\.pdf$/);
  });

  it("names files safely", () => {
    expect(exportFileName("Ünïcödé / ../../etc/passwd", "md")).toBe("unicode-etc-passwd.md");
    expect(exportFileName("東京", "pdf")).toBe("review.pdf");
  });
});

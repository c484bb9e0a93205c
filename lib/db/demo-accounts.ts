/**
 * Demo accounts: what each responder wrote about the demo incidents, so a visitor can follow an
 * independent phase (partly written accounts) and read revealed accounts side by side.
 */
import { docFromText, docText, wordCount } from "../editor/doc";
import type { Tx } from "./client";

type DemoTimeline = { minutes: number; kind: "OBSERVATION" | "ACTION" | "DECISION" | "COMMUNICATION" | "ALERT"; text: string; url?: string };
export type DemoAccount = { email: string; status: "DRAFTING" | "SUBMITTED"; text: string; timeline: DemoTimeline[] };

/** Keyed by the demo incident's title. */
export const DEMO_ACCOUNTS: Record<string, DemoAccount[]> = {
  "Checkout errors after payment provider certificate rotation": [
    {
      email: "responder1@example.com",
      status: "DRAFTING",
      text: "I was reviewing a pull request when the checkout error alert fired in our team channel.\nThe error dashboard showed TLS handshake failures to the payment provider, but only from two of our six pods, which confused me at first.\nI restarted one of the failing pods because that had fixed a connection problem last month. It did not help, and I started to doubt the alert.",
      timeline: [
        { minutes: 2, kind: "ALERT", text: "Checkout error rate alert fired in #payments-alerts", url: "https://grafana.example.com/d/checkout" },
        { minutes: 6, kind: "OBSERVATION", text: "Handshake failures only from pods on the new node pool" },
        { minutes: 9, kind: "ACTION", text: "Restarted checkout-api-7f9c — no change" },
      ],
    },
    {
      email: "responder2@example.com",
      status: "SUBMITTED",
      text: "I got pulled in by Riley because the failures lined up with the node pool we rolled out the day before.\nWhat I knew: the new nodes use a newer base image. What I did not know: checkout pins the provider's intermediate certificate in its own trust store, not the system one.\nI compared the certificate chain from a working and a failing pod and saw the provider now serves a new intermediate. Pinning it in the new image had never been needed before, so nobody had written it down.\nWhat helped: Riley had already narrowed it down to two pods. What got in the way: the alert only said 'checkout errors', not which dependency.",
      timeline: [
        { minutes: 12, kind: "COMMUNICATION", text: "Riley asked in #platform whether the new node pool could be involved" },
        { minutes: 21, kind: "OBSERVATION", text: "Provider serves a new intermediate certificate since 14:00" },
        { minutes: 30, kind: "DECISION", text: "Cordon the new node pool instead of patching the trust store under pressure" },
        { minutes: 38, kind: "ACTION", text: "Drained the new nodes; error rate back to normal" },
      ],
    },
  ],
  "Search results stale for six hours": [
    {
      email: "responder1@example.com",
      status: "SUBMITTED",
      text: "A customer support ticket said prices in search did not match the product page. I assumed a cache problem and purged the CDN, which changed nothing.\nI only found the indexer lag graph an hour later; I did not know it existed.",
      timeline: [
        { minutes: 180, kind: "COMMUNICATION", text: "Support escalated a price mismatch ticket" },
        { minutes: 195, kind: "ACTION", text: "Purged the CDN cache for search pages" },
      ],
    },
    {
      email: "responder2@example.com",
      status: "SUBMITTED",
      text: "The Kafka consumer group rebalanced after a broker restart in the maintenance window. The indexer logged one warning and then sat idle, still reporting healthy.\nOur health check only checks that the process is up, not that it is consuming. That surprised me.",
      timeline: [
        { minutes: 0, kind: "OBSERVATION", text: "Broker restart during the maintenance window" },
        { minutes: 240, kind: "OBSERVATION", text: "Indexer consumer lag at 2.1 million messages" },
        { minutes: 250, kind: "ACTION", text: "Restarted the indexer; lag draining" },
      ],
    },
    {
      email: "responder3@example.com",
      status: "SUBMITTED",
      text: "I was on call for search. The lag alert exists but was routed to an old channel that nobody reads since the team split.\nOnce we saw the lag it was quick to fix; the long part was finding out that anything was wrong at all.",
      timeline: [
        { minutes: 230, kind: "ALERT", text: "Found the lag alert firing in #search-legacy since the morning" },
        { minutes: 360, kind: "OBSERVATION", text: "Index fully caught up" },
      ],
    },
  ],
};

/** Writes the demo accounts of one review (inside the seed's transaction). */
export async function seedDemoAccounts(tx: Tx, reviewId: string, accounts: DemoAccount[], users: Map<string, string>, startedAt: Date) {
  for (const a of accounts) {
    const content = docFromText(a.text);
    const text = docText(content);
    const authorId = users.get(a.email)!;
    const editedAt = new Date(startedAt.getTime() + 26 * 3_600_000);
    const account = await tx.responderAccount.create({
      data: {
        reviewId,
        authorId,
        content: content as object,
        text,
        wordCount: wordCount(text),
        version: 3,
        status: a.status,
        lastEditedAt: editedAt,
        submittedAt: a.status === "SUBMITTED" ? editedAt : null,
      },
    });
    for (const t of a.timeline) {
      await tx.timelineEntry.create({
        data: {
          reviewId,
          accountId: account.id,
          authorId,
          occurredAt: new Date(startedAt.getTime() + t.minutes * 60_000),
          timezone: "Europe/Berlin",
          description: t.text,
          kind: t.kind,
          evidenceUrl: t.url ?? null,
        },
      });
    }
  }
}

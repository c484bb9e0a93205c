/**
 * Generated, realistic post-incident review text for the search benchmark: a title, summary,
 * findings, shared timeline and a narrative of about 3 KB per review, composed from incident
 * themes (databases, certificates, queues, DNS, deploys…) and the paragraphs every review has
 * (detection, communication, what went well), with services drawn from a long-tailed list — so
 * some words are in many reviews and some in very few, as in a real library. Deterministic.
 */

/** A small seeded PRNG (mulberry32), so every run generates the same library. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}
type Rng = ReturnType<typeof rng>;

/** Services, most used first: a Zipf-like draw makes the first few common and the last rare. */
export const SERVICES = [
  "checkout-api", "search-api", "orders-db", "api-gateway", "kafka", "redis-cache", "kubernetes", "payment-gateway", "cdn", "product-pages",
  "notifications-worker", "search-indexer", "pgbouncer", "identity-service", "ci", "vault", "recommendations", "pricing-service", "ledger-db", "elasticsearch",
  "feature-flags", "image-service", "refunds-service", "fraud-scoring", "dns", "mobile-bff", "inventory-service", "shipping-service", "email-relay", "analytics-pipeline",
  "warehouse-sync", "loyalty-service", "tax-engine", "address-service", "payouts-scheduler", "invoicing", "cart-service", "session-store", "rate-limiter", "observability",
  "backup-agent", "hsm-signer",
] as const;

function service(r: Rng): string {
  // P(i) ∝ 1 / (i + 1)^1.3
  const weights = SERVICES.map((_, i) => 1 / (i + 1) ** 1.3);
  let x = r.next() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) if ((x -= w) <= 0) return SERVICES[i]!;
  return SERVICES[0];
}

type Theme = { title: string[]; summary: string; paragraphs: string[]; findings: string[]; timeline: string[]; tags: string[] };

const THEMES: Theme[] = [
  {
    title: ["Database failover during peak traffic on {svc}", "Primary database lost on {svc}: {min} minutes of errors"],
    summary: "The primary database behind {svc} failed over to a replica; connection pools kept connections to the old primary and requests failed for {min} minutes.",
    paragraphs: [
      "The database primary became unresponsive after a storage stall, and the cluster manager promoted a replica within thirty seconds. The application did not follow: its connection pool held connections to the old primary and handed them out until each one timed out.",
      "Replication lag on the promoted replica was {n} seconds at the moment of failover, so a few writes were replayed from the queue afterwards. Nobody had practised a failover under load since the database was upgraded.",
      "Query latency on {svc} climbed from 20 ms to several seconds while the pool drained. The dashboards showed database CPU as normal, which sent the first responders looking at the application instead.",
    ],
    findings: ["Connection pools do not notice a failover until connections time out", "Failover drills happen only in quiet hours", "Replication lag was not visible on the main dashboard"],
    timeline: ["Storage stall on the database primary", "Replica promoted by the cluster manager", "Connection pool still pointing at the old primary", "Pools restarted; error rate back to normal"],
    tags: ["database", "failover", "postgres"],
  },
  {
    title: ["TLS certificate expired on {svc}", "Expired certificate broke calls to {svc}"],
    summary: "A certificate on {svc} expired after its automatic renewal had failed silently for weeks; clients failed their TLS handshakes for {min} minutes.",
    paragraphs: [
      "The certificate expired at the start of the working day. Its renewal job had been failing for weeks with a permission error that was logged but never alerted on, so nobody knew until clients started failing their handshakes.",
      "Issuing a certificate by hand took longer than expected because the runbook only described the automatic path. The team rebuilt the steps from a chat thread and shell history.",
    ],
    findings: ["Certificate renewal failures were logged but not alerted on", "The manual issuance runbook was missing", "Expiry was not monitored independently of renewal"],
    timeline: ["Certificate on {svc} expires", "Clients report TLS handshake failures", "Renewal job found failing for weeks", "Certificate issued by hand and deployed"],
    tags: ["tls", "certificates", "expiry"],
  },
  {
    title: ["Consumer lag on {svc} left data stale for hours", "Kafka rebalance stalled {svc}"],
    summary: "After a consumer-group rebalance the consumers of {svc} stopped making progress without an error; data in dependent services was stale for hours.",
    paragraphs: [
      "A broker restart in the maintenance window triggered a consumer-group rebalance. Afterwards the consumers of {svc} reported healthy but processed nothing: their health check asked whether the process was up, not whether it made progress.",
      "Consumer lag grew to {n} thousand messages before a customer noticed stale data. The lag alert existed but fired into a channel that nobody had watched since the team reorganised.",
    ],
    findings: ["Health checks did not measure progress", "The lag alert went to an unwatched channel", "Rebalances can leave consumers idle without an error"],
    timeline: ["Broker restart in the maintenance window", "Consumer group rebalances", "Customer reports stale data", "Consumers restarted; lag drains"],
    tags: ["kafka", "queues", "stale-data"],
  },
  {
    title: ["DNS resolution failures inside the cluster affected {svc}", "Internal names stopped resolving for {svc}"],
    summary: "A DNS configuration change dropped the forwarding rule for internal zones; {svc} and its neighbours could not resolve each other for {min} minutes.",
    paragraphs: [
      "An upgrade of the cluster's DNS add-on replaced its configuration with the chart's default. The forwarding rule for internal zones was gone, and services could resolve public names but not each other.",
      "Because everything failed at once, the first theory was a network outage at the cloud provider. It took ten minutes before someone resolved a name from inside a pod.",
    ],
    findings: ["Add-on upgrades replace local configuration silently", "No synthetic probe for internal DNS", "Staging has no private zone, so it could not catch this"],
    timeline: ["DNS add-on upgraded", "Errors from many services at once", "Internal names fail to resolve from pods", "Add-on rolled back"],
    tags: ["dns", "kubernetes", "upgrade"],
  },
  {
    title: ["Memory leak in {svc} after a dependency upgrade", "{svc} restarted every few hours"],
    summary: "A library upgrade leaked a buffer per request in {svc}; pods were killed for running out of memory every few hours for two days.",
    paragraphs: [
      "Forty dependency upgrades went out in one deploy. One of them retained a compression buffer per request, and memory grew steadily until the kernel killed the process.",
      "Because the orchestrator restarted the pods, the service stayed mostly available, with short bursts of errors. That made the leak easy to live with and slow to find; heap dumps finally showed the retained buffers.",
    ],
    findings: ["Dependency upgrades were batched together", "Out-of-memory restarts were not alerted on", "Heap profiling was hard to enable in production"],
    timeline: ["Dependency batch deployed", "First out-of-memory restart", "Heap dump shows retained buffers", "Library pinned to the previous version"],
    tags: ["memory", "dependencies", "upgrade"],
  },
  {
    title: ["Bad configuration push took down {svc}", "Config change on {svc} rejected every request"],
    summary: "A configuration change with an invalid value was pushed to all instances of {svc} at once; every request failed until it was reverted {min} minutes later.",
    paragraphs: [
      "The configuration change looked small: one value in a shared file. It was valid YAML but not a valid setting, and the service rejected every request when it reloaded.",
      "Configuration is pushed to all instances at once, unlike code, which is rolled out gradually. The group talked about treating configuration like code, with the same canaries.",
    ],
    findings: ["Configuration changes skip the canary stage", "The setting was not validated before the push", "Reverting took longer than pushing"],
    timeline: ["Configuration change pushed", "Error rate on {svc} at 100%", "Invalid setting identified", "Change reverted"],
    tags: ["config-change", "rollout"],
  },
  {
    title: ["Third-party outage degraded {svc}", "{svc} waited on a slow partner API"],
    summary: "A partner API slowed down and {svc}, which called it without a tight timeout, held requests open until its own capacity ran out.",
    paragraphs: [
      "The partner's status page reported degraded performance. Our calls to it used the HTTP client's default timeout of thirty seconds, so every slow call held a worker and the pool of workers filled up.",
      "A circuit breaker existed in the codebase but was not configured for this dependency. Once the timeout was lowered, {svc} degraded gracefully instead of failing.",
    ],
    findings: ["Default timeouts were too long for a user-facing path", "The circuit breaker was not configured for this partner", "The partner's status page was not part of our alerting"],
    timeline: ["Partner API latency rises", "Worker pool on {svc} exhausted", "Timeout lowered via configuration", "Partner recovers"],
    tags: ["third-party", "timeouts", "circuit-breaker"],
  },
  {
    title: ["Disk full on {svc} stopped writes", "{svc} ran out of disk"],
    summary: "Logs and temporary files filled the disk of {svc}; writes failed for {min} minutes until space was freed.",
    paragraphs: [
      "A debug log level left on after an earlier investigation wrote gigabytes per hour. The disk filled overnight and the service began failing writes early in the morning.",
      "The disk alert fired at ninety-five percent, but in the middle of an alert storm from an unrelated flapping check, and was acknowledged with the rest.",
    ],
    findings: ["Debug logging was left on after an investigation", "The disk alert was lost in an alert storm", "Log rotation did not cap the total size"],
    timeline: ["Debug logging enabled", "Disk at 95%", "Writes fail", "Logs pruned and log level reset"],
    tags: ["capacity", "logging", "alerting"],
  },
  {
    title: ["Deploy rollback failed on {svc}", "A rollback of {svc} made things worse"],
    summary: "A faulty release of {svc} was rolled back, but the rollback ran a migration in reverse that the previous version did not expect.",
    paragraphs: [
      "The release had a bug in the checkout flow, and rolling back was the obvious choice. The rollback ran the migration's down step, which dropped a column the previous version still wrote to.",
      "The team rolled forward with a fix instead, forty minutes later. Rollbacks had been tested for code but never for migrations.",
    ],
    findings: ["Down migrations were never tested", "The release mixed a schema change with a feature", "Rolling forward was not considered first"],
    timeline: ["Release deployed", "Bug found in the checkout flow", "Rollback runs the down migration", "Fix rolled forward"],
    tags: ["deploy", "migrations", "rollback"],
  },
  {
    title: ["Cache stampede on {svc}", "Cold cache overloaded {svc}"],
    summary: "A cache flush sent all traffic for {svc} to its origin at once; the origin fell over and took {min} minutes to recover.",
    paragraphs: [
      "The cache was flushed to remove a stale entry. Every key expired at once, and thousands of requests asked the origin for the same values at the same moment.",
      "Request coalescing would have sent one request per key. It had been on the roadmap for a year.",
    ],
    findings: ["No request coalescing in front of the origin", "Flushes invalidate everything at once", "The origin had no load shedding"],
    timeline: ["Cache flushed", "Origin request rate 40× normal", "Origin fails", "Traffic shed and cache warmed"],
    tags: ["cache", "capacity"],
  },
];

const GENERIC = [
  "The first alert reached the on-call engineer at {time}, and within minutes an incident channel was open. The incident lead asked one person to investigate, one to talk to customer support, and one to keep the timeline.",
  "Customer support saw the first tickets before any dashboard changed. Their summary — which customers, which pages, since when — shaped the first theory more than any graph did.",
  "Communication went well: status page updates every fifteen minutes, written in plain words, and a single channel for the responders. Stakeholders knew where to look and did not interrupt the people fixing things.",
  "Several responders remembered the order of events differently. Comparing their accounts side by side showed that two people had been looking at different dashboards with different time zones.",
  "The group agreed that the people involved acted sensibly with what they knew at the time. The question for the review was what made the situation hard to see, and what would make it easier next time.",
  "Looking back, the signals were there earlier than anyone noticed: a slow rise in latency, a handful of retries, a warning in the logs. None of them was loud enough on its own.",
  "Recovery took longer than the fix itself. Queues had to drain, caches had to warm up, and some customers needed their orders checked by hand.",
  "A similar incident happened last year in another team. Nobody in the room knew about it until someone found its review in the library during the session.",
  "The runbook helped, but it assumed a quiet hour and a single failure. Under load and with two things going wrong at once, its steps were slow and sequential.",
  "After the incident the team paired with the owners of the neighbouring services, and they found two more places where the same pattern could cause trouble.",
  "The timeline was rebuilt from chat messages, deploy logs and the alert history. Two entries were only in one person's notes, which is why the independent accounts mattered.",
  "Nobody was paged for the first twenty minutes because the symptom did not match any alert rule. The first person to notice was an engineer testing something unrelated.",
  "The decision to roll back was made quickly, but carrying it out needed access that only two people had, and one of them was on holiday.",
];

const RARE = [
  "During recovery the backup restore was tested with pgbackrest for the first time in production, and it worked on the second attempt.",
  "The hardware security module behind hsm-signer rejected signing requests during the failover, which nobody had seen before.",
];

const fill = (s: string, r: Rng, svc: string) =>
  s
    .replace(/\{svc\}/g, svc)
    .replace(/\{min\}/g, String(r.int(6, 180)))
    .replace(/\{n\}/g, String(r.int(2, 90)))
    .replace(/\{time\}/g, `${String(r.int(0, 23)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}`);

export type GeneratedReview = { title: string; summary: string; findings: string[]; timeline: string[]; narrative: string; services: string[]; tags: string[] };

/** Review `i` of the benchmark library (about 3 KB of narrative). */
export function generateReview(i: number): GeneratedReview {
  const r = rng(i * 7919 + 17);
  const theme = r.pick(THEMES);
  const second = r.pick(THEMES);
  const svc = service(r);
  const services = [...new Set([svc, service(r), ...(r.next() < 0.5 ? [service(r)] : [])])];
  const paragraphs = [...theme.paragraphs, ...second.paragraphs.slice(0, 1)].map((p) => fill(p, r, svc));
  const generic = [...GENERIC].sort(() => r.next() - 0.5);
  let narrative = paragraphs.join("\n\n");
  for (const g of generic) {
    if (narrative.length >= 3000) break;
    narrative += `\n\n${fill(g, r, svc)}`;
  }
  if (r.next() < 0.0015) narrative += `\n\n${r.pick(RARE)}`;
  return {
    title: `Review: ${fill(r.pick(theme.title), r, svc)}`,
    summary: fill(theme.summary, r, svc),
    findings: theme.findings.concat(second.findings.slice(0, 1)),
    timeline: theme.timeline.map((t) => fill(t, r, svc)),
    narrative,
    services,
    tags: [...new Set([...theme.tags, ...second.tags.slice(0, 1)])],
  };
}

/** What the tracker settings page says about each tracker (names, where to set up its webhook). */
export type ProviderKey = "github" | "jira" | "linear" | "webhook";

export const PROVIDERS: { key: ProviderKey; name: string; blurb: string }[] = [
  { key: "github", name: "GitHub Issues", blurb: "github.com or GitHub Enterprise Server" },
  { key: "jira", name: "Jira", blurb: "Cloud or Data Center" },
  { key: "linear", name: "Linear", blurb: "A Linear team" },
  { key: "webhook", name: "Webhook", blurb: "Your own receiver, signed JSON" },
];

export const providerName = (key: string) => PROVIDERS.find((p) => p.key === key)?.name ?? key;

/** Where the connection points, in a few words: "acme/payments", "PAY (Task)". */
export function connectionTarget(provider: string, settings: Record<string, string>, baseUrl: string | null): string {
  if (provider === "github") return `${settings.owner}/${settings.repo}`;
  if (provider === "jira") return `${settings.projectKey} (${settings.issueType}${settings.deployment === "datacenter" ? ", Data Center" : ""})`;
  if (provider === "linear") return `team ${settings.teamId}`;
  return baseUrl ?? "";
}

/** How to point the tracker's webhooks at Debrief. */
export const WEBHOOK_STEPS: Record<ProviderKey, string[]> = {
  github: [
    "In the repository: Settings → Webhooks → Add webhook.",
    "Payload URL: the URL below. Content type: application/json. Secret: the secret below.",
    "Events: “Let me select individual events” → Issues.",
  ],
  jira: [
    "As a Jira admin: System → WebHooks → Create a WebHook.",
    "URL: the URL below. Secret: the secret below.",
    "Events: Issue → updated (limit it with JQL to your project if you like).",
  ],
  linear: [
    "In Linear: Settings → API → Webhooks → New webhook, for your team.",
    "URL: the URL below. Data change events: Issues.",
    "Linear shows a signing secret: paste it into “Webhook signing secret” above and save.",
  ],
  webhook: [
    "Optional: your receiver may POST changes back to the URL below:",
    "{ \"externalId\" or \"actionId\", \"status\", \"assignee\": { \"email\" }, \"dueDate\" }, signed like Debrief's deliveries (X-Debrief-Signature) with the secret below.",
  ],
};

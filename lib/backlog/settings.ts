/**
 * What a team admin gives to connect a tracker, per provider: where it is (`baseUrl`), the
 * provider's settings (stored as they are) and the credentials (write-only: encrypted, never
 * returned). One flat shape per provider, told apart by `provider`, for the REST API and the form.
 */
import { z } from "zod";
import type { ProviderName } from "./provider";

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalSecret = (what: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().min(8, `The ${what} looks too short.`).max(2000).optional());

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .url("Give a full URL, e.g. https://example.com.")
  .refine((u) => /^https?:\/\//i.test(u), "The URL must start with http:// or https://.")
  .transform((u) => u.replace(/\/+$/, ""));
const optionalUrl = z.preprocess((v) => (v === "" || v === null ? undefined : v), httpUrl.optional());

const autoPush = z
  .preprocess((v) => {
    // A form sends a hidden "false" and, when ticked, the checkbox's "on".
    const values = Array.isArray(v) ? v : [v];
    if (values.includes("on") || values.includes("true")) return true;
    if (values.includes("false") || values.includes("")) return false;
    return v;
  }, z.boolean().optional())
  .describe("Push the team's agreed actions automatically when a review is published.");

const webhookSecret = optionalSecret("webhook secret").describe(
  "The secret the tracker signs its webhooks with. Debrief generates one when omitted — except for Linear, which generates its own signing secret: paste it here.",
);

const common = { autoPush, webhookSecret };

export const githubConnectionSchema = z.object({
  provider: z.literal("github"),
  baseUrl: optionalUrl.describe("The REST API's base URL: https://api.github.com (default), or https://<host>/api/v3 for GitHub Enterprise Server."),
  owner: trimmed(100).regex(/^[\w.-]+$/, "An owner is a user or organisation name, e.g. acme.").describe("The repository's owner."),
  repo: trimmed(100).regex(/^[\w.-]+$/, "A repository name has letters, digits, '.', '-' and '_'.").describe("The repository's name."),
  token: optionalSecret("token").describe("Write-only. A fine-grained token with Issues: read and write on the repository."),
  ...common,
});

export const jiraConnectionSchema = z.object({
  provider: z.literal("jira"),
  baseUrl: httpUrl.describe("The site: https://<name>.atlassian.net (Cloud) or your Data Center URL."),
  deployment: z.enum(["cloud", "datacenter"]).default("cloud").describe("cloud: e-mail + API token, REST API v3. datacenter: a personal access token, REST API v2."),
  projectKey: trimmed(20)
    .transform((k) => k.toUpperCase())
    .pipe(z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, "A project key is like PAY or OPS1.")),
  issueType: z.preprocess((v) => (v === "" || v === undefined ? "Task" : v), trimmed(60)).describe("The issue type to create (default Task)."),
  email: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.email("Give the e-mail of the Atlassian account.").optional()).describe("Cloud: the account's e-mail."),
  apiToken: optionalSecret("API token").describe("Write-only. Cloud: an API token; Data Center: a personal access token."),
  ...common,
});

export const linearConnectionSchema = z.object({
  provider: z.literal("linear"),
  baseUrl: optionalUrl.describe("The GraphQL API URL: https://api.linear.app/graphql (default), or a proxy in front of it."),
  teamId: trimmed(64).describe("The Linear team's id or key (e.g. ENG)."),
  apiKey: optionalSecret("API key").describe("Write-only. A personal API key."),
  ...common,
});

export const webhookConnectionSchema = z.object({
  provider: z.literal("webhook"),
  baseUrl: httpUrl.describe("Your receiver: Debrief POSTs each action as JSON, signed with HMAC-SHA256 in X-Debrief-Signature."),
  secret: optionalSecret("shared secret").describe("Write-only. The shared secret that signs the body."),
  ...common,
});

export const connectBacklogSchema = z.discriminatedUnion("provider", [githubConnectionSchema, jiraConnectionSchema, linearConnectionSchema, webhookConnectionSchema], {
  error: "Choose a tracker: github, jira, linear or webhook.",
});

export type ConnectBacklogInput = z.output<typeof connectBacklogSchema>;

export const PROVIDER_OF = { github: "GITHUB", jira: "JIRA", linear: "LINEAR", webhook: "WEBHOOK" } as const satisfies Record<ConnectBacklogInput["provider"], ProviderName>;
export const API_NAME_OF = { GITHUB: "github", JIRA: "jira", LINEAR: "linear", WEBHOOK: "webhook" } as const satisfies Record<ProviderName, ConnectBacklogInput["provider"]>;

/** Settings stored per provider (no secrets). */
export type GithubSettings = { owner: string; repo: string };
export type JiraSettings = { projectKey: string; issueType: string; deployment: "cloud" | "datacenter"; email?: string };
export type LinearSettings = { teamId: string };
export type WebhookSettings = Record<string, never>;

/** Credentials, encrypted at rest. */
export type Credentials = { token?: string; apiToken?: string; apiKey?: string; secret?: string };

export const DEFAULT_BASE_URL: Record<ProviderName, string | null> = {
  GITHUB: "https://api.github.com",
  JIRA: null,
  LINEAR: "https://api.linear.app/graphql",
  WEBHOOK: null,
};

/** Splits an input into what is stored in the clear, what is encrypted, and which credential is missing. */
export function splitConnectionInput(input: ConnectBacklogInput): { settings: Record<string, string>; credentials: Credentials; credentialField: string } {
  switch (input.provider) {
    case "github":
      return { settings: { owner: input.owner, repo: input.repo }, credentials: { token: input.token }, credentialField: "token" };
    case "jira":
      return {
        settings: { projectKey: input.projectKey, issueType: input.issueType, deployment: input.deployment, ...(input.email ? { email: input.email } : {}) },
        credentials: { apiToken: input.apiToken },
        credentialField: "apiToken",
      };
    case "linear":
      return { settings: { teamId: input.teamId }, credentials: { apiKey: input.apiKey }, credentialField: "apiKey" };
    case "webhook":
      return { settings: {}, credentials: { secret: input.secret }, credentialField: "secret" };
  }
}

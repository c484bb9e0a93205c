/** The BacklogProvider for a connection: one place that knows which class serves which tracker. */
import { ProviderError, type BacklogProvider, type ProviderName } from "../provider";
import { DEFAULT_BASE_URL, type Credentials, type GithubSettings, type JiraSettings, type LinearSettings } from "../settings";
import { GithubProvider } from "./github";
import { JiraProvider } from "./jira";
import { LinearProvider } from "./linear";
import { WebhookProvider } from "./webhook";

export type ProviderConfig = { provider: ProviderName; baseUrl: string | null; settings: unknown; credentials: Credentials };

function required(value: string | undefined, what: string): string {
  if (!value) throw new ProviderError("unauthorized", `No ${what} is stored for this tracker: connect it again.`);
  return value;
}

export function createProvider(config: ProviderConfig): BacklogProvider {
  const baseUrl = config.baseUrl ?? DEFAULT_BASE_URL[config.provider];
  switch (config.provider) {
    case "GITHUB":
      return new GithubProvider(baseUrl!, config.settings as GithubSettings, required(config.credentials.token, "token"));
    case "JIRA":
      return new JiraProvider(required(baseUrl ?? undefined, "site URL"), config.settings as JiraSettings, required(config.credentials.apiToken, "API token"));
    case "LINEAR":
      return new LinearProvider(baseUrl!, config.settings as LinearSettings, required(config.credentials.apiKey, "API key"));
    case "WEBHOOK":
      return new WebhookProvider(required(baseUrl ?? undefined, "receiver URL"), required(config.credentials.secret, "shared secret"));
  }
}

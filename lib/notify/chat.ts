/**
 * Posting to a team's chat channel through an incoming webhook. One body works for both Slack
 * incoming webhooks and Microsoft Teams' Office 365 connector webhooks: JSON `{ "text": … }`
 * (Slack shows it as the message; Teams as a simple card, which needs `text`). The text is plain,
 * with links as bare URLs on their own lines, so both render them as links without markup of
 * either dialect. Messages carry titles and links, never review or account content.
 */
import { log } from "../log";

export type ChatResult = { ok: true } | { ok: false; error: string };

const TIMEOUT_MS = 10_000;
/** Slack cuts messages at 40,000 characters, Teams cards at about 28 KB: stay well below. */
export const MAX_CHAT_TEXT = 12_000;

/** True when `url` is an http(s) URL a webhook could be (the team settings validate it too). */
export function isChatWebhookUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

/** Posts `{ text }` to the webhook; resolves with what happened, never throws. */
export async function postToChat(webhookUrl: string, text: string): Promise<ChatResult> {
  if (!isChatWebhookUrl(webhookUrl)) return { ok: false, error: "The chat webhook URL is not an http(s) URL." };
  const body = JSON.stringify({ text: text.length > MAX_CHAT_TEXT ? `${text.slice(0, MAX_CHAT_TEXT - 1)}…` : text });
  try {
    const res = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Debrief" },
      body,
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.ok) {
      await res.body?.cancel();
      return { ok: true };
    }
    const detail = (await res.text().catch(() => "")).slice(0, 200);
    return { ok: false, error: `The chat webhook answered ${res.status}${detail ? `: ${detail}` : ""}` };
  } catch (e) {
    const error = (e as Error).name === "TimeoutError" ? `The chat webhook did not answer within ${TIMEOUT_MS / 1000} s` : (e as Error).message;
    return { ok: false, error };
  }
}

/** Posts and logs a failure (the URL is not logged: it is a secret of the channel). */
export async function postToTeamChat(team: { id: string; chatWebhookUrl: string | null }, text: string): Promise<boolean> {
  if (!team.chatWebhookUrl) return false;
  const result = await postToChat(team.chatWebhookUrl, text);
  if (!result.ok) log.warn({ teamId: team.id, err: result.error }, "chat webhook post failed");
  return result.ok;
}

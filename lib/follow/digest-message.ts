/** The words of a follower's digest: one notice per review (at most MAX_NOTICES), and one e-mail listing them all. */
import type { NoticeInput } from "../notify/notifications";
import type { EmailInput } from "../notify/email";
import { SEVERITY_LABEL } from "../incidents/create-incident";
import type { PublishedReviewItem } from "./published-reviews";

export const MAX_NOTICES = 10;

function because(item: PublishedReviewItem): string {
  const [kind, ...rest] = (item.matched[0] ?? "").split(":");
  const value = rest.join(":");
  if (kind === "TEAM") return `You follow ${item.team.name}.`;
  if (kind === "SERVICE") return `You follow the service “${value}”.`;
  if (kind === "TAG") return `You follow the tag “${value}”.`;
  return "";
}

const severity = (s: string) => SEVERITY_LABEL[s as keyof typeof SEVERITY_LABEL] ?? s;

export function digestNotices(userId: string, items: PublishedReviewItem[]): NoticeInput[] {
  const notices: NoticeInput[] = items.slice(0, MAX_NOTICES).map((item) => ({
    userId,
    reviewId: item.id,
    type: "follow.published",
    title: `New review from ${item.team.name}: “${item.title}”`,
    body: `${because(item)} ${severity(item.severity)}. Read what the team learned — it may apply to your services too.`.trim(),
    url: `/reviews/${item.id}/report`,
  }));
  const more = items.length - MAX_NOTICES;
  if (more > 0) {
    notices.push({
      userId,
      type: "follow.published",
      title: `${more} more ${more === 1 ? "review" : "reviews"} published for what you follow`,
      body: "Find them in the library.",
      url: "/library",
    });
  }
  return notices;
}

export function digestEmail(to: string, items: PublishedReviewItem[], origin: string): EmailInput {
  const lines = items.map((item) => `• ${item.title}\n  ${item.team.name} · ${severity(item.severity)}\n  ${origin}/reviews/${item.id}/report`);
  return {
    to,
    subject: items.length === 1 ? `New review from ${items[0]!.team.name}: ${items[0]!.title}` : `${items.length} new post-incident reviews for what you follow`,
    text:
      `Newly published reviews of the teams, services and tags you follow:\n\n${lines.join("\n\n")}\n\n` +
      `Change what you follow: ${origin}/settings/following\n\n— Debrief. You get this because you follow these teams, services or tags.`,
  };
}

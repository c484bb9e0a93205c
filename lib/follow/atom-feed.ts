/** Published reviews as an Atom 1.0 document (the `feed` library): titles, summaries and links, never more. */
import { Feed } from "feed";
import { SEVERITY_LABEL } from "../incidents/create-incident";
import type { PublishedReviewItem } from "./published-reviews";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

export type AtomFeedInput = {
  /** The feed's address without the token: its permanent id and self link. */
  feedUrl: string;
  origin: string;
  title: string;
  description: string;
  items: PublishedReviewItem[];
};

export function reviewReportUrl(origin: string, reviewId: string): string {
  return `${origin}/reviews/${reviewId}/report`;
}

function describe(item: PublishedReviewItem): string {
  const facts = [
    `${item.team.name} · ${SEVERITY_LABEL[item.severity as keyof typeof SEVERITY_LABEL] ?? item.severity}`,
    item.services.length ? `Services: ${item.services.join(", ")}` : "",
    item.tags.length ? `Tags: ${item.tags.join(", ")}` : "",
  ].filter(Boolean);
  return [item.summary ?? "", facts.join(" · ")].filter(Boolean).join("\n\n");
}

export function buildAtomFeed(input: AtomFeedInput): string {
  const updated = input.items[0]?.publishedAt ?? new Date(0);
  const feed = new Feed({
    id: input.feedUrl,
    title: input.title,
    description: input.description,
    link: `${input.origin}/library`,
    updated,
    generator: "Debrief",
    feedLinks: { atom: input.feedUrl },
    copyright: "",
  });
  for (const item of input.items) {
    const link = reviewReportUrl(input.origin, item.id);
    feed.addItem({
      id: link,
      title: item.title,
      link,
      date: item.publishedAt,
      published: item.publishedAt,
      description: describe(item),
      author: [{ name: item.team.name }],
      category: [item.team.name, ...item.services, ...item.tags].map((term) => ({ term, name: term })),
    });
  }
  return feed.atom1();
}

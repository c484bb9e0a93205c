import { notFound } from "next/navigation";
import { findTeam } from "@/lib/teams/get-team";

/**
 * Answers 404 for a team that does not exist before the page streams behind its loading skeleton:
 * once streaming has begun the status is sent, and a not-found page would go out as 200. (Teams are
 * not secret; whether the person may read the backlog is the page's to say.)
 */
export default async function TeamBacklogLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await findTeam(slug))) notFound();
  return children;
}

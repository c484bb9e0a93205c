import Link from "next/link";
import { notFound } from "next/navigation";
import { ListOrdered } from "lucide-react";
import { BacklogBoard } from "@/components/backlog/backlog-board";
import { BacklogFilters } from "@/components/backlog/backlog-filters";
import { toRowItem } from "@/components/backlog/row-item";
import { TeamRoleBadge } from "@/components/teams/team-role-badge";
import { Alert } from "@/components/ui/alert";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listBacklog, listBacklogSchema, type Backlog } from "@/lib/action-items/list-backlog";
import { listBacklogReviews } from "@/lib/action-items/list-backlog-reviews";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";

export const metadata = { title: "Backlog" };

const FILTER_KEYS = ["status", "priority", "reviewId", "category", "overdue", "order"] as const;

export default async function TeamBacklogPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const raw = await searchParams;
  const path = `/teams/${slug}/backlog`;
  const actor = await requireActor(path);
  const given = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const parsed = listBacklogSchema.safeParse(given);
  const input = parsed.success ? parsed.data : listBacklogSchema.parse({});
  let backlog: Backlog;
  let reviews: { id: string; title: string }[];
  try {
    [backlog, reviews] = await Promise.all([listBacklog(actor, slug, input), listBacklogReviews(actor, slug)]);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "FORBIDDEN") {
      return (
        <>
          <PageHeader eyebrow={<Link href={`/teams/${slug}`} className="hover:text-foreground hover:underline">← Team</Link>} title="Backlog" />
          <Alert tone="info" title="This backlog is for the team">
            {e.message} Ask the team&apos;s product manager to add you, or open the backlog of one of your teams from the sidebar.
          </Alert>
        </>
      );
    }
    throw e;
  }
  const { team } = backlog;
  const filters = Object.fromEntries(FILTER_KEYS.filter((k) => input[k] !== undefined).map((k) => [k, String(input[k])]));
  const filtered = Boolean(input.priority || input.reviewId || input.category || input.overdue === "true" || input.status !== "active");
  const href = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...over })) if (v && !(k === "status" && v === "active") && !(k === "order" && v === "rank")) q.set(k, v);
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const myRole = actor.teams[team.id];
  const canRank = backlog.abilities.rank;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/teams/${team.slug}`} className="hover:text-foreground hover:underline">
            ← {team.name}
          </Link>
        }
        title={`${team.name} backlog`}
        description={`Improvement actions from every review, owned by ${team.name}. ${canRank ? "Rank them like the rest of the team's work: drag a row, or use its arrows." : "The team's product manager ranks them."}`}
        actions={myRole ? <TeamRoleBadge role={myRole} prefix="You: " /> : null}
      />
      {parsed.success ? null : (
        <Alert tone="error" className="mb-4">
          Some filters were not valid and were ignored.
        </Alert>
      )}
      <div className="mb-4">
        <BacklogFilters key={href({})} path={path} values={{ status: input.status, priority: input.priority, reviewId: input.reviewId, category: input.category, overdue: input.overdue, order: input.order }} reviews={reviews} filtered={filtered} />
      </div>
      {backlog.items.length === 0 ? (
        filtered || input.cursor ? (
          <EmptyState icon={ListOrdered} title="No actions match these filters" action={<ButtonLink variant="secondary" href={path}>Clear filters</ButtonLink>}>
            Try another status, priority, review or category.
          </EmptyState>
        ) : (
          <EmptyState icon={ListOrdered} title={`${team.name} has no open actions`}>
            Actions agreed in reviews for {team.name} appear here, ranked by its product manager. Done and dropped actions are under “Every status”.
          </EmptyState>
        )
      ) : (
        <BacklogBoard key={href({ cursor: input.cursor })} items={backlog.items.map(toRowItem)} canRank={canRank} hasPrevious={Boolean(input.cursor)} hasNext={Boolean(backlog.nextCursor)} teamName={team.name} />
      )}
      {input.cursor || backlog.nextCursor ? (
        <nav aria-label="Pages" className="mt-4 flex justify-between">
          {input.cursor ? (
            <Link href={href({})} className={buttonClass("secondary", "sm")}>
              ← First page
            </Link>
          ) : (
            <span />
          )}
          {backlog.nextCursor ? (
            <Link href={href({ cursor: backlog.nextCursor })} className={buttonClass("secondary", "sm")}>
              Next page →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

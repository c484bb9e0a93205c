import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { loadVisibleReview } from "@/lib/reviews/load-review";

/**
 * Answers 404 for a review the person may not see before the page streams behind its loading
 * skeleton: once streaming has begun the status is sent, and a not-found page would go out as 200.
 */
export default async function ReviewActionsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/reviews/${id}/actions`);
  try {
    await loadVisibleReview(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  return children;
}

/**
 * Teams' chat channels (Team.chatWebhookUrl, Slack- or Teams-compatible): each channel gets the
 * team's newly published reviews — those visible to the whole team (organisation- or team-wide;
 * never participants-only ones) — in one message per digest period. The watermark is claimed before
 * posting and put back when the post fails, so a failed post is retried on the next run and a
 * successful one is not repeated.
 */
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { appUrl } from "../env";
import { SEVERITY_LABEL } from "../incidents/create-incident";
import { log } from "../log";
import { postToTeamChat } from "../notify/chat";
import { digestSettings, TEAM_CHAT_DIGEST, type DigestOptions } from "./digest-window";

type Item = { id: string; title: string; severity: string; publishedAt: Date };

export function teamChatText(teamName: string, items: Item[], origin: string): string {
  const lines = items.map((r) => `• ${r.title} (${SEVERITY_LABEL[r.severity as keyof typeof SEVERITY_LABEL] ?? r.severity})\n${origin}/reviews/${r.id}/report`);
  const head = items.length === 1 ? `${teamName} published a post-incident review:` : `${teamName} published ${items.length} post-incident reviews:`;
  return `${head}\n\n${lines.join("\n\n")}\n\nWhat the team learned may apply to your services too.`;
}

/** `teamIds`: only these teams' channels; every team with a channel otherwise. */
export async function sendTeamChatDigests(options: DigestOptions & { teamIds?: string[] } = {}): Promise<{ teams: number; reviews: number; failed: number }> {
  const { cutoff, dueBefore, everyMs } = digestSettings(options);
  const teams = await db().team.findMany({
    where: { chatWebhookUrl: { not: null }, ...(options.teamIds ? { id: { in: options.teamIds } } : {}) },
    select: { id: true, name: true, chatWebhookUrl: true, digestStates: { where: { kind: TEAM_CHAT_DIGEST }, select: { lastAt: true } } },
  });
  const result = { teams: 0, reviews: 0, failed: 0 };
  for (const team of teams) {
    const seen = team.digestStates[0]?.lastAt ?? null;
    if (seen && seen > dueBefore) continue;
    // The first time, the last period's reviews.
    const from = seen ?? new Date(cutoff.getTime() - everyMs);
    const items = await db().$queryRaw<Item[]>`
      SELECT r.id, r.title, i.severity::text AS severity, r."publishedAt"
      FROM "Review" r JOIN "Incident" i ON i.id = r."incidentId"
      WHERE i."teamId" = ${team.id} AND r.phase = 'PUBLISHED' AND r.visibility IN ('ORGANISATION', 'TEAM')
        AND r."publishedAt" > ${from} AND r."publishedAt" <= ${cutoff}
      ORDER BY r."publishedAt", r.id LIMIT 50`;
    const claimed = seen
      ? (await db().teamDigestState.updateMany({ where: { teamId: team.id, kind: TEAM_CHAT_DIGEST, lastAt: seen }, data: { lastAt: cutoff } })).count === 1
      : (await db().teamDigestState.createMany({ data: [{ teamId: team.id, kind: TEAM_CHAT_DIGEST, lastAt: cutoff }], skipDuplicates: true })).count === 1;
    if (!claimed || !items.length) continue;
    const ok = await postToTeamChat(team, teamChatText(team.name, items, appUrl()));
    if (!ok) {
      result.failed++;
      // Put the watermark back (only if nobody moved it since), so the next run retries the same reviews.
      await db().teamDigestState.updateMany({ where: { teamId: team.id, kind: TEAM_CHAT_DIGEST, lastAt: cutoff }, data: { lastAt: from } });
      continue;
    }
    await db()
      .$transaction((tx) => recordAuditEvent(tx, { type: "follow.team_chat_posted", actorId: null, subjectId: team.id, data: { reviewIds: items.map((i) => i.id) } }))
      .catch((err: unknown) => log.warn({ err, teamId: team.id }, "could not record the chat post"));
    result.teams++;
    result.reviews += items.length;
  }
  return result;
}

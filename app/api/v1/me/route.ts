import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { listTeams } from "@/lib/teams/list-teams";

export const GET = operationRoute(operations.getMe, async ({ actor }) => {
  const teams = await listTeams(actor);
  return {
    ...actor,
    teams: teams.flatMap((t) => (t.myRole ? [{ id: t.id, name: t.name, slug: t.slug, role: t.myRole }] : [])),
  };
});

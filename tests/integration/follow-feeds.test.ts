/**
 * Atom feeds: valid Atom, only with a valid personal feed token (401 otherwise), and scoped to
 * what the token's owner may see — the same route code feed readers reach.
 */
import { xml2js } from "xml-js";
import { describe, expect, it } from "vitest";
import { GET as followingFeedRoute } from "../../app/feeds/following.atom/route";
import { GET as libraryFeedRoute } from "../../app/feeds/library.atom/route";
import { GET as teamFeedRoute } from "../../app/feeds/teams/[file]/route";
import { createFeedToken } from "../../lib/follow/create-feed-token";
import { follow } from "../../lib/follow/follow";
import { revokeFeedToken } from "../../lib/follow/revoke-feed-token";
import { buildCast, uid } from "../support/factories";
import { publishedReview } from "./follow-fixtures";

const origin = "https://debrief.test.example";
const get = (route: (r: Request, c: { params: Promise<{ file: string }> }) => Promise<Response>, path: string, file = "") =>
  route(new Request(`${origin}${path}`, { headers: { host: "debrief.test.example", "x-forwarded-proto": "https" } }), { params: Promise.resolve({ file }) });

type Node = { _text?: string; _attributes?: Record<string, string> } & Record<string, unknown>;
const list = (n: unknown): Node[] => (Array.isArray(n) ? (n as Node[]) : n ? [n as Node] : []);

/** Parses the Atom document (throws on malformed XML) and checks the elements Atom requires. */
function atom(xml: string) {
  const doc = xml2js(xml, { compact: true }) as { feed: Node };
  const feed = doc.feed;
  expect(feed._attributes?.xmlns).toBe("http://www.w3.org/2005/Atom");
  for (const required of ["id", "title", "updated"]) expect((feed[required] as Node)?._text, required).toBeTruthy();
  const entries = list(feed.entry);
  for (const e of entries) {
    for (const required of ["id", "title", "updated"]) expect((e[required] as Node)?._text ?? (e[required] as Node & { _cdata?: string })?._cdata, required).toBeTruthy();
    expect((e.link as Node)._attributes?.href).toMatch(new RegExp(`^${origin}/reviews/\\w+/report$`));
  }
  return entries.map((e) => ((e.title as Node)._text ?? (e.title as Node & { _cdata?: string })._cdata) as string);
}

describe("Atom feeds", () => {
  it("serve a team's published reviews its token owner may see, and refuse without a valid token", async () => {
    const { team, actors, users } = await buildCast("PUBLISHED", "ORGANISATION");
    const open = await publishedReview({ teamId: team.id, title: `Open to all ${uid()}` });
    const teamOnly = await publishedReview({ teamId: team.id, visibility: "TEAM", title: `Team only ${uid()}` });
    const participantsOnly = await publishedReview({ teamId: team.id, visibility: "PARTICIPANTS", title: `Participants only <&> ${uid()}`, participants: [{ userId: users.facilitator.id, role: "FACILITATOR" }] });

    const memberToken = (await createFeedToken(actors.teamMember)).token;
    const outsiderToken = (await createFeedToken(actors.outsider)).token;
    const path = (token: string) => `/feeds/teams/${team.slug}.atom?token=${encodeURIComponent(token)}`;

    const member = await get(teamFeedRoute, path(memberToken), `${team.slug}.atom`);
    expect(member.status).toBe(200);
    expect(member.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const memberTitles = atom(await member.text());
    expect(memberTitles).toEqual(expect.arrayContaining([open.title, teamOnly.title]));
    expect(memberTitles).not.toContain(participantsOnly.title);

    const outsiderTitles = atom(await (await get(teamFeedRoute, path(outsiderToken), `${team.slug}.atom`)).text());
    expect(outsiderTitles).toContain(open.title);
    expect(outsiderTitles).not.toContain(teamOnly.title);

    const facilitatorToken = (await createFeedToken(actors.facilitator)).token;
    expect(atom(await (await get(teamFeedRoute, path(facilitatorToken), `${team.slug}.atom`)).text())).toContain(participantsOnly.title);

    for (const bad of ["", "dbfeed_nope", memberToken.slice(0, -2)]) {
      const res = await get(teamFeedRoute, path(bad), `${team.slug}.atom`);
      expect(res.status, bad).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    }
    // A replaced token stops working; so does a revoked one.
    const replaced = (await createFeedToken(actors.teamMember)).token;
    expect((await get(teamFeedRoute, path(memberToken), `${team.slug}.atom`)).status).toBe(401);
    expect((await get(teamFeedRoute, path(replaced), `${team.slug}.atom`)).status).toBe(200);
    await revokeFeedToken(actors.teamMember);
    expect((await get(teamFeedRoute, path(replaced), `${team.slug}.atom`)).status).toBe(401);
    expect((await get(teamFeedRoute, `/feeds/teams/no-such-team.atom?token=${outsiderToken}`, "no-such-team.atom")).status).toBe(404);
  });

  it("filters the library feed and serves what you follow", async () => {
    const { team, actors } = await buildCast("PUBLISHED");
    const service = `svc-${uid()}`;
    const tag = `tag-${uid()}`;
    const withService = await publishedReview({ teamId: team.id, services: [service], title: `Service ${uid()}` });
    const withTag = await publishedReview({ teamId: team.id, tags: [tag], title: `Tag ${uid()}` });
    const token = (await createFeedToken(actors.outsider)).token;

    const byService = atom(await (await get(libraryFeedRoute, `/feeds/library.atom?token=${token}&service=${service.toUpperCase()}`)).text());
    expect(byService).toEqual([withService.title]);
    const both = atom(await (await get(libraryFeedRoute, `/feeds/library.atom?token=${token}&team=${team.slug}&severity=SEV2,SEV1`)).text());
    expect(both).toEqual(expect.arrayContaining([withService.title, withTag.title]));
    expect((await get(libraryFeedRoute, `/feeds/library.atom?token=${token}&severity=SEV9`)).status).toBe(400);

    expect(atom(await (await get(followingFeedRoute, `/feeds/following.atom?token=${token}`)).text())).not.toContain(withTag.title);
    await follow(actors.outsider, { kind: "TAG", value: tag });
    expect(atom(await (await get(followingFeedRoute, `/feeds/following.atom?token=${token}`)).text())).toEqual([withTag.title]);
  });
});

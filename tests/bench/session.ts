/**
 * Signing in the way a browser does (credentials form with the CSRF token) and fetching pages
 * with the session cookie, to check what the load generator will be measuring.
 */
export const DEMO_PASSWORD = "demo-password";

type Jar = Map<string, string>;

function absorb(jar: Jar, res: Response): void {
  for (const cookie of res.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

const header = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in as `email` and returns the Cookie header carrying the session. */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  absorb(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/reviews` }),
  });
  absorb(jar, res);
  const location = res.headers.get("location") ?? "";
  if (res.status !== 302 || location.includes("error") || ![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`Signing in as ${email} failed: ${res.status} → ${location}`);
  }
  // Only the session matters for the pages; the CSRF and callback cookies would just add bytes.
  return [...jar].filter(([k]) => k.includes("session-token")).map(([k, v]) => `${k}=${v}`).join("; ");
}

export type Page = { status: number; location: string | null; html: string };

export async function getPage(base: string, pathname: string, cookie: string): Promise<Page> {
  const res = await fetch(`${base}${pathname}`, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

/** Fetches a page and fails unless it is a 200 containing `marker` (not, say, the sign-in page). */
export async function expectPage(base: string, pathname: string, cookie: string, marker: string): Promise<Page> {
  const page = await getPage(base, pathname, cookie);
  if (page.status !== 200 || !page.html.includes(marker)) {
    throw new Error(`GET ${pathname} answered ${page.status}${page.location ? ` → ${page.location}` : ""} without "${marker}": the bench would measure the wrong thing.`);
  }
  return page;
}

const unescape = (s: string) => s.replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

/** The href of the list's "Next page →" link, if any. */
export function nextPageHref(html: string): string | null {
  for (const m of html.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)) {
    if (m[2]!.includes("Next page")) return unescape(m[1]!);
  }
  return null;
}

/** The review titles listed on a page (links to /reviews/<id>). */
export function reviewTitles(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*href="\/reviews\/[^"?/]+"[^>]*>([^<]+)<\/a>/g)].map((m) => unescape(m[1]!));
}

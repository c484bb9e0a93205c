/**
 * @mentions in comments: `@responder1@example.com` (an e-mail address) or `@Riley Responder` (a
 * display name, matched without regard to case; the longest name wins, so "@Sam Responder" is
 * not taken for a "Sam"). Only the people given — the review's participants — can be mentioned.
 * Pure.
 */
export type Mentionable = { userId: string; name: string | null; email: string };

const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const wordChar = (ch: string | undefined) => Boolean(ch && /[\p{L}\p{N}_]/u.test(ch));

/** The user ids mentioned in `text`, in the order first mentioned, each once. */
export function findMentions(text: string, people: Mentionable[]): string[] {
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.userId]));
  const byName = people
    .filter((p) => p.name && p.name.trim())
    .map((p) => ({ name: p.name!.trim().toLowerCase(), userId: p.userId }))
    .sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (let i = lower.indexOf("@"); i !== -1; i = lower.indexOf("@", i + 1)) {
    // "@" inside a word (an e-mail address written without mentioning) is not a mention.
    if (wordChar(lower[i - 1]) || lower[i - 1] === "@") continue;
    const rest = lower.slice(i + 1);
    const email = EMAIL.exec(rest)?.[0]?.replace(/\.+$/, "");
    let userId = email ? byEmail.get(email) : undefined;
    if (!userId) userId = byName.find((p) => rest.startsWith(p.name) && !wordChar(rest[p.name.length]))?.userId;
    if (userId && !found.includes(userId)) found.push(userId);
  }
  return found;
}

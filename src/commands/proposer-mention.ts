import { escapeMarkdown } from "../render/escape-markdown.js";

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/**
 * The one mention a decision on a proposal makes: its proposer, so that they hear of it. A login
 * that is not a GitHub login (a hand-made state cannot get here, but a later version might) is
 * written escaped, pinging nobody.
 */
export function proposerMention(login: string): string {
  return GITHUB_LOGIN.test(login) ? `@${login}` : escapeMarkdown(`@${login}`);
}

/** `@a and @b`: each proposer once. */
export function proposersOf(decided: { by: string }[]): string {
  const first = new Map<string, string>();
  for (const { by } of decided) if (!first.has(by.toLowerCase())) first.set(by.toLowerCase(), by);
  const logins = [...first.values()].map(proposerMention);
  return logins.length <= 1 ? (logins[0] ?? "") : `${logins.slice(0, -1).join(", ")} and ${logins.at(-1)}`;
}

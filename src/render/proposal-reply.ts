import { escapeMarkdown } from "./escape-markdown.js";

// What the app tells a proposer about their proposal: the commands' replies and the notices the
// app writes when a proposal is decided without one.

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/**
 * The one mention a decision on a proposal makes: its proposer, so that they hear of it. A login
 * that is not a GitHub login (a hand-made state cannot get here, but a later version might) is
 * written escaped, pinging nobody.
 */
export function proposerMention(login: string): string {
  return GITHUB_LOGIN.test(login) ? `@${login}` : escapeMarkdown(`@${login}`);
}

/** `Title (owner/repo#12)`, the title escaped; only the reference when the title is not known. */
export function proposalName(item: { repo: string; number: number; title?: string }): string {
  const ref = `${item.repo}#${item.number}`;
  return item.title ? `${escapeMarkdown(item.title)} (${ref})` : ref;
}

/** `@proposer: your proposal of Title (owner/repo#12) <what became of it>`. */
export function proposalReply(proposal: { repo: string; number: number; title?: string; by: string }, outcome: string): string {
  return `${proposerMention(proposal.by)}: your proposal of ${proposalName(proposal)} ${outcome}`;
}

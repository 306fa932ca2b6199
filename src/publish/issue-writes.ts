import type { GitHub, RepoRef } from "../github.js";
import { commentOnIssue } from "./comment-replies.js";
import { deleteDecidedProposalClaims } from "./proposal-decision.js";

/**
 * The meeting issue, unless it is closed already: another replica (or a person) got there first,
 * and closing it again would comment twice.
 */
export async function readOpenIssue(octokit: GitHub, home: RepoRef, issueNumber: number) {
  const { data: issue } = await octokit.rest.issues.get({ ...home, issue_number: issueNumber });
  return issue.state === "closed" ? undefined : issue;
}

/**
 * Says why on the issue (once: see `commentOnIssue`), then closes it: `completed` for a meeting
 * that took place, `not_planned` for one that did not. The claims of its decided proposals go
 * with it.
 */
export async function closeWithComment(
  octokit: GitHub,
  home: RepoRef,
  issueNumber: number,
  comment: string,
  reason: "completed" | "not_planned",
): Promise<void> {
  await commentOnIssue(octokit, { ...home, number: issueNumber }, comment);
  // Before the close: a failure here is retried, as the close then is; after it, nothing would retry it.
  await deleteDecidedProposalClaims(octokit, home, issueNumber);
  await octokit.rest.issues.update({ ...home, issue_number: issueNumber, state: "closed", state_reason: reason });
}

export async function retitleIssue(octokit: GitHub, home: RepoRef, issueNumber: number, title: string): Promise<void> {
  await octokit.rest.issues.update({ ...home, issue_number: issueNumber, title });
}

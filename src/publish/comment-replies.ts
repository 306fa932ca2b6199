import type { GitHub } from "../github.js";

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

/** A 👍 on a comment whose commands were accepted, so the commenter sees at once that they run. */
export async function acknowledgeComment(octokit: GitHub, issue: IssueRef, commentId: number): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({ owner: issue.owner, repo: issue.repo, comment_id: commentId, content: "+1" });
}

/** A comment of the app's on an issue. */
export async function commentOnIssue(octokit: GitHub, issue: IssueRef, body: string): Promise<void> {
  await octokit.rest.issues.createComment({ owner: issue.owner, repo: issue.repo, issue_number: issue.number, body });
}

import type { GitHub } from "../github.js";
import { NOT_RETRIED, withWriteId, writeOnce } from "./write-once.js";

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

/** A 👍 on a comment whose commands were accepted, so the commenter sees at once that they run. */
export async function acknowledgeComment(octokit: GitHub, issue: IssueRef, commentId: number): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({ owner: issue.owner, repo: issue.repo, comment_id: commentId, content: "+1" });
}

/**
 * A comment of the app's on an issue, made once: it carries a hidden id (`writeId`, else a new
 * one), by which a `POST` that failed after taking effect is recognised among the issue's latest
 * comments.
 */
export async function commentOnIssue(octokit: GitHub, issue: IssueRef, text: string, writeId?: string): Promise<void> {
  const { body, id } = withWriteId(text, writeId);
  const params = { owner: issue.owner, repo: issue.repo, issue_number: issue.number };
  await writeOnce(
    async () => (await octokit.rest.issues.createComment({ ...params, body, request: NOT_RETRIED })).data.id,
    () => findComment(octokit, issue, id),
  );
}

/** The id of the app's comment that carries `writeId`, among the issue's latest comments. */
export async function findComment(octokit: GitHub, issue: IssueRef, writeId: string): Promise<number | undefined> {
  return (await latestComments(octokit, issue)).find((comment) => comment.body?.includes(`<!-- agenda-drafter:write ${writeId} -->`))?.id;
}

/** The issue's last page of comments, and the one before where a page just filled: where a comment just made is. */
async function latestComments(octokit: GitHub, issue: IssueRef) {
  const params = { owner: issue.owner, repo: issue.repo, issue_number: issue.number };
  const { data } = await octokit.rest.issues.get(params);
  const last = Math.max(1, Math.ceil(data.comments / 100));
  const comments = [];
  for (const page of last > 1 ? [last - 1, last] : [last]) {
    comments.push(...(await octokit.rest.issues.listComments({ ...params, per_page: 100, page })).data);
  }
  return comments;
}

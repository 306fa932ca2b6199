import { ifFound, type GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import { parseBody } from "../publish/issue-body.js";
import { deleteCommentClaim, deleteExpiredCommentClaims, sweepCommentClaims } from "../publish/claim-comment.js";
import { runCommentCommands } from "./on-issue-comment.js";
import type { Runtime } from "./runtime.js";

/**
 * The tick's part in running each comment's commands once: a comment on one of the meeting's
 * issues whose claim went stale before it was done (the process that claimed it died, and no
 * redelivery came) has its commands run now, the claim taken over as a redelivery takes it; claims
 * done before a comment's event may come again are deleted. The comment ids whose commands ran.
 */
export async function finishStaleComments(runtime: Runtime, octokit: GitHub, installationId: number, meeting: Meeting): Promise<number[]> {
  const home = meeting.home;
  const finished: number[] = [];
  const sweep = await sweepCommentClaims(octokit, home, runtime.now(), runtime.settledCommentClaims);
  if (sweep.expired.length > 0 && !meeting.dryRun) {
    const gone = await deleteExpiredCommentClaims(octokit, home, sweep.expired, runtime.settledCommentClaims);
    runtime.log.info(`${home.owner}/${home.repo}: deleted ${gone.length} comment claims done more than 32 days ago`);
  }
  for (const stale of sweep.stale) {
    const comment = (await ifFound(octokit.rest.issues.getComment({ ...home, comment_id: stale.commentId })))?.data;
    const issueNumber = Number(comment?.issue_url.split("/").pop());
    const issue = comment && (await ifFound(octokit.rest.issues.get({ ...home, issue_number: issueNumber })))?.data;
    if (!comment?.user || !issue || issue.pull_request) {
      // Deleted since, or never a comment on an issue: nothing is left to run. Kept, the claim would
      // be read again by every process's ticks (each run of the action is one), for ever.
      if (meeting.dryRun) runtime.settledCommentClaims.set(stale.sha, runtime.now().getTime());
      else await deleteCommentClaim(octokit, home, stale.commentId);
      continue;
    }
    // Another meeting of the same home repo finishes its own comments.
    if (parseBody(issue.body).marker?.meeting !== meeting.id) continue;
    const user = { login: comment.user.login, type: comment.user.type };
    const ran = await runCommentCommands(runtime, octokit, { installationId, home, issue, comment: { id: comment.id, body: comment.body ?? "", user, created_at: comment.created_at } });
    if (ran) finished.push(comment.id);
  }
  return finished;
}

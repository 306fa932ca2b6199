import type { Context } from "probot";
import { ifFound, type GitHub, type RepoRef } from "../github.js";
import { handleCommandComment } from "../commands/handle-command-comment.js";
import { parseBody } from "../publish/issue-body.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { loadSchedule } from "../schedule/load-schedule.js";
import { claimComment, finishComment, isPastReplayHorizon, type CommentClaim } from "../publish/claim-comment.js";
import { stateSeal } from "../publish/state-signer.js";
import { findMeeting } from "../registry/find-meeting.js";
import { createCommandGitHub } from "../operations/command-github.js";
import { createMeetingActions } from "../operations/meeting-actions.js";
import type { Runtime } from "./runtime.js";

/**
 * A new comment on one of the app's meeting issues runs its commands: the issue that the claim
 * ref of its marker's occurrence records, created or adopted by the app. Comments on other issues
 * (a copy of the marker makes no meeting issue) and on pull requests run nothing, and write
 * nothing; Probot only calls this for `issue_comment.created`, so an edited comment runs nothing
 * either, nor does a deleted one (GitHub sends `issue_comment.deleted` to the app as well).
 */
export async function onIssueComment(runtime: Runtime, context: Context<"issue_comment.created">): Promise<void> {
  const { issue, comment, repository, installation } = context.payload;
  if (installation === undefined || issue.pull_request || !comment.user) return;
  await runCommentCommands(runtime, runtime.client(context.octokit as GitHub), {
    installationId: installation.id,
    home: { owner: repository.owner.login, repo: repository.name },
    issue,
    comment: { id: comment.id, body: comment.body, user: { login: comment.user.login, type: comment.user.type ?? "User" }, created_at: comment.created_at },
  });
}

/** A comment on an issue (not a pull request) of a home repo, as its webhook or the REST API tells it. */
export interface IssueCommentInput {
  installationId: number;
  home: RepoRef;
  issue: { number: number; body?: string | null; html_url: string };
  comment: { id: number; body: string; user: { login: string; type: string }; created_at: string };
}

/**
 * Runs the comment's commands when it is on a meeting issue of the app, once (the comment's
 * claim): for its webhook, or for the tick when the process that claimed it died. True when
 * this call ran them.
 */
export async function runCommentCommands(runtime: Runtime, octokit: GitHub, input: IssueCommentInput): Promise<boolean> {
  const { home, issue, comment } = input;
  const marker = parseBody(issue.body).marker;
  if (!marker) return false;
  // A redelivery or a workflow re-run this late replays a person's command, and its claim may be gone.
  if (isPastReplayHorizon(comment.created_at, runtime.now())) {
    runtime.log.info(`${home.owner}/${home.repo}#${issue.number}: comment ${comment.id} is older than 31 days; its event is a replay and its commands do not run`);
    return false;
  }
  await runtime.ensureDiscovered(octokit, input.installationId);
  const meeting = findMeeting(await runtime.registry.meetings(input.installationId), home, marker.meeting);
  if (!meeting) return false;
  const schedule = await loadSchedule(meeting.schedule);
  const scheduled = schedule.on(marker.occurrence);
  if (!scheduled) {
    runtime.log.warn(`${home.owner}/${home.repo}#${issue.number}: ${meeting.id} has no occurrence ${marker.occurrence} any more; its commands do not run`);
    return false;
  }
  const now = runtime.now();
  const issueRef = { ...home, number: issue.number };
  let claim: CommentClaim | undefined;
  const handled = handleCommandComment({
    meeting,
    occurrence: occurrenceAsStated(meeting, scheduled, parseBody(issue.body, stateSeal(octokit, home, issue.number)).state),
    issue: issueRef,
    comment,
    actions: createMeetingActions({ octokit, meeting, issueNumber: issue.number, scheduled, commenter: comment.user.login, now, log: runtime.log }),
    github: createCommandGitHub(octokit, meeting, issueRef),
    // The claim is read only once the comment holds commands. A comment deleted before its webhook
    // is handled (late, or redelivered) runs nothing, as the tick finishes none.
    claim: async (commentId) =>
      (await runtime.isMeetingIssue(octokit, home, marker, issue.number)) &&
      (await commentExists(octokit, home, commentId)) &&
      (claim = await claimComment(octokit, home, commentId, now)) !== undefined,
    schedule,
    // The pages' host as GitHub links them, which an API behind a proxy or a test server does not tell.
    webHost: new URL(issue.html_url).host,
    now,
  });
  // Only now is the comment done: had this process died on the way, a redelivery (or the tick)
  // would take the claim over. A command that failed has had its reply: nothing runs them all again.
  const result = await handled.finally(async () => {
    if (claim) await finishComment(octokit, home, comment.id, claim);
  });
  if (result.ran) runtime.log.info(`${home.owner}/${home.repo}#${issue.number}: ran the commands of comment ${comment.id}`);
  return result.ran;
}

async function commentExists(octokit: GitHub, home: RepoRef, commentId: number): Promise<boolean> {
  return (await ifFound(octokit.rest.issues.getComment({ ...home, comment_id: commentId }))) !== undefined;
}

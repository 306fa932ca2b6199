import type { GitHub } from "../github.js";
import type { Log } from "../log.js";
import type { Meeting, Occurrence } from "../model.js";
import { parseBody } from "../publish/issue-body.js";
import { stateSeal } from "../publish/state-signer.js";
import { closeWithComment, readOpenIssue } from "../publish/issue-writes.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { issueRenderer } from "./steps/issue-renderer.js";
import { rewriteIssue } from "./steps/rewrite-issue.js";

export interface Cancellation {
  now: Date;
  log: Log;
  /** Why, as a person gave it (kept raw in the state; escaped wherever it is shown). */
  reason?: string;
  /** The comment that tells the meeting's people, for the occurrence as it stood. */
  comment(occurrence: Occurrence): string;
}

/**
 * Cancels one occurrence on its issue, whether the schedule or a person cancelled it: the state
 * records it, the issue's own lines say so (where people have not edited them), a comment tells
 * why, and the issue is closed as not planned. No minutes follow a cancelled occurrence.
 */
export async function cancelMeetingIssue(
  octokit: GitHub,
  meeting: Meeting,
  issueNumber: number,
  scheduled: Occurrence,
  cancellation: Cancellation,
): Promise<void> {
  // 1. The issue, unless someone closed it already.
  const issue = await readOpenIssue(octokit, meeting.home, issueNumber);
  if (!issue) return;
  // 2. The occurrence as the issue states it, rendered live and cancelled.
  const occurrence = occurrenceAsStated(meeting, scheduled, parseBody(issue.body, stateSeal(octokit, meeting.home, issueNumber)).state);
  const render = await issueRenderer(octokit, meeting);
  const record = { at: cancellation.now.toISOString(), ...(cancellation.reason !== undefined && { reason: cancellation.reason }) };
  // 3. The state records it and the issue's lines say so.
  await rewriteIssue(
    octokit,
    meeting,
    issueNumber,
    {
      before: (await render({ ...occurrence, cancelled: false })).issueBody,
      after: (await render({ ...occurrence, cancelled: true, ...(cancellation.reason?.trim() ? { cancelReason: cancellation.reason } : {}) })).issueBody,
      state: (latest) => ({ ...latest, cancelled: record }),
    },
    cancellation.log,
  );
  // 4. A comment says why, and the issue closes as not planned.
  if (meeting.dryRun) return;
  await closeWithComment(octokit, meeting.home, issueNumber, cancellation.comment(occurrence), "not_planned");
}

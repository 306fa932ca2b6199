import type { GitHub } from "../github.js";
import type { Meeting, Occurrence } from "../model.js";
import { parseBody } from "../publish/issue-body.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { replaceWrittenLines } from "../publish/replace-written-lines.js";
import { updateIssueState } from "../publish/update-issue-state.js";
import type { Log } from "../log.js";
import { issueRenderer } from "./steps/issue-renderer.js";

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
  const home = meeting.home;
  const { data: issue } = await octokit.rest.issues.get({ ...home, issue_number: issueNumber });
  // Another replica (or a person) has closed it already.
  if (issue.state === "closed") return;
  const occurrence = occurrenceAsStated(meeting, scheduled, parseBody(issue.body).state);
  const render = await issueRenderer(octokit, meeting);
  const live = render({ ...occurrence, cancelled: false });
  const cancelled = render({ ...occurrence, cancelled: true });
  const record = { at: cancellation.now.toISOString(), ...(cancellation.reason !== undefined && { reason: cancellation.reason }) };
  await updateIssueState(
    octokit,
    home,
    issueNumber,
    (latest, _parsed, body) => ({
      state: { ...latest, cancelled: record },
      base: replaceWrittenLines(body, live.issueBody, cancelled.issueBody),
    }),
    { dryRun: meeting.dryRun, log: cancellation.log },
  );
  if (meeting.dryRun) return;
  await octokit.rest.issues.createComment({ ...home, issue_number: issueNumber, body: cancellation.comment(occurrence) });
  await octokit.rest.issues.update({ ...home, issue_number: issueNumber, state: "closed", state_reason: "not_planned" });
}

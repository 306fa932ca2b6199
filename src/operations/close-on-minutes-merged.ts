import type { GitHub } from "../github.js";
import type { Meeting, OccurrenceIssue } from "../model.js";
import { parseBody } from "../publish/issue-body.js";
import { closeWithComment, readOpenIssue } from "../publish/issue-writes.js";
import { stateSeal } from "../publish/state-signer.js";

/**
 * The meeting is over and its minutes are in: closes the occurrence's meeting issue as completed
 * once the minutes pull request its signed state records is merged. A pull request the state does
 * not record (someone's own branch of that name) closes nothing.
 */
export async function closeOnMinutesMerged(octokit: GitHub, meeting: Meeting, meetingIssue: OccurrenceIssue, pullNumber: number): Promise<boolean> {
  // 1. The issue, unless it is closed already (by a person, a replica, or the next meeting's issue).
  const issue = await readOpenIssue(octokit, meeting.home, meetingIssue.issueNumber);
  if (!issue) return false;
  // 2. Only the minutes pull request the app opened for this occurrence.
  const { state } = parseBody(issue.body ?? "", stateSeal(octokit, meeting.home, meetingIssue.issueNumber));
  if (state?.minutes?.number !== pullNumber) return false;
  if (meeting.dryRun) return false;
  // 3. A comment says why, and the issue closes as completed.
  await closeWithComment(octokit, meeting.home, meetingIssue.issueNumber, `The minutes pull request #${pullNumber} is merged; closing this meeting issue.`, "completed");
  return true;
}

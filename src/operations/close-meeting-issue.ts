import type { GitHub } from "../github.js";
import type { Meeting, OccurrenceIssue } from "../model.js";
import { closeWithComment, readOpenIssue } from "../publish/issue-writes.js";

/** Closes an earlier meeting issue as completed, with a comment pointing to the next one. */
export async function closeForSuccessor(octokit: GitHub, meeting: Meeting, closing: OccurrenceIssue, successor: OccurrenceIssue): Promise<void> {
  if (meeting.dryRun) return;
  // 1. The issue, unless a replica that got here first has closed it already.
  if (!(await readOpenIssue(octokit, meeting.home, closing.issueNumber))) return;
  // 2. A comment pointing to the next issue, and closed as completed.
  const comment = `The next meeting's issue is #${successor.issueNumber} (${successor.occurrence.date}); closing this one.`;
  await closeWithComment(octokit, meeting.home, closing.issueNumber, comment, "completed");
}

import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import type { OccurrenceIssue } from "../scheduler/tick-meeting.js";

/** Closes an earlier meeting issue as completed, with a comment pointing to the next one. */
export async function closeForSuccessor(octokit: GitHub, meeting: Meeting, closing: OccurrenceIssue, successor: OccurrenceIssue): Promise<void> {
  if (meeting.dryRun) return;
  const issueNumber = closing.issueNumber;
  const { data: issue } = await octokit.rest.issues.get({ ...meeting.home, issue_number: issueNumber });
  // A replica that got here first has commented and closed it already.
  if (issue.state === "closed") return;
  await octokit.rest.issues.createComment({
    ...meeting.home,
    issue_number: issueNumber,
    body: `The next meeting's issue is #${successor.issueNumber} (${successor.occurrence.date}); closing this one.`,
  });
  await octokit.rest.issues.update({ ...meeting.home, issue_number: issueNumber, state: "closed", state_reason: "completed" });
}

import type { GitHub } from "../github.js";
import type { Meeting, Occurrence } from "../model.js";
import { issuesOfOccurrence, listMeetingIssues } from "../publish/list-meeting-issues.js";
import type { OccurrenceRecord } from "./decide-steps.js";
import { readTickState } from "./tick-state.js";

/**
 * What exists for the occurrences, from one listing of the meeting's issues: each issue's state
 * says whether its agenda froze and what became of its minutes, so a steady tick costs one call
 * per meeting.
 */
export async function readOccurrenceRecords(
  octokit: GitHub,
  meeting: Meeting,
  occurrences: Occurrence[],
): Promise<Map<string, OccurrenceRecord>> {
  const issues = await listMeetingIssues(octokit, meeting);
  const records = new Map<string, OccurrenceRecord>();
  for (const occurrence of occurrences) {
    const issue = issuesOfOccurrence(issues, meeting.id, occurrence.key)[0];
    if (!issue) continue;
    const tickState = readTickState(issue.parsed.state);
    records.set(occurrence.key, {
      issue: { number: issue.number, state: issue.state, frozen: tickState.frozen !== undefined },
      ...(tickState.minutes && { minutes: { state: tickState.minutes.state, frozenAgenda: tickState.minutes.frozenAgenda } }),
    });
  }
  return records;
}

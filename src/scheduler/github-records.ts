import type { Meeting, Occurrence } from "../model.js";
import type { MeetingIssues } from "../publish/list-meeting-issues.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import type { OccurrenceRecord } from "./decide-steps.js";

/**
 * What exists for the occurrences, from `issues`: one listing of the meeting's issues and each occurrence's
 * claim ref (which says which issue is its own): each issue's state, when the app signed it, says
 * whether its agenda froze, what became of its minutes, and whether a command moved or cancelled
 * the occurrence, so a steady tick costs one call per meeting and two per occurrence it considers.
 */
export async function readOccurrenceRecords(meeting: Meeting, occurrences: Occurrence[], issues: MeetingIssues): Promise<Map<string, OccurrenceRecord>> {
  const records = new Map<string, OccurrenceRecord>();
  for (const occurrence of occurrences) {
    const issue = await issues.claimed(occurrence.key);
    if (!issue) continue;
    const state = issue.parsed.state;
    records.set(occurrence.key, {
      issue: { number: issue.number, state: issue.state, frozen: state?.frozen !== undefined },
      ...(state?.minutes && { minutes: { state: state.minutes.state, frozenAgenda: state.minutes.frozenAgenda } }),
      // A file of people's at the minutes path is final, like a closed pull request.
      ...(!state?.minutes && state?.minutesBlocked && { minutes: { state: "closed" as const, frozenAgenda: true } }),
      ...((state?.reschedule || state?.cancelled) && { occurrence: occurrenceAsStated(meeting, occurrence, state) }),
    });
  }
  return records;
}

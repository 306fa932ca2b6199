import type { Meeting, Occurrence } from "../model.js";
import { listOccurrences } from "../schedule/list-occurrences.js";
import { previousOccurrence } from "../schedule/previous-occurrence.js";

/**
 * The occurrences a tick considers: the last one that started before `now` (its freeze, minutes
 * and closing may still be due) and every one starting from then up to the lead time ahead,
 * cancelled ones included so that an issue that exists for one can be closed.
 */
export function tickWindow(meeting: Meeting, now: Date, calendarText?: string): Occurrence[] {
  const instant = now.toISOString();
  const last = previousOccurrence(meeting.schedule, { key: "", date: "", start: instant, end: instant }, calendarText);
  const from = last ? new Date(last.start) : now;
  return listOccurrences(meeting.schedule, { from, to: new Date(now.getTime() + meeting.leadTimeMs + 1) }, calendarText);
}

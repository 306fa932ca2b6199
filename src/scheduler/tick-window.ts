import type { Meeting, Occurrence } from "../model.js";
import { scheduleOf, type LoadedSchedule } from "../schedule/load-schedule.js";

/**
 * The occurrences a tick considers: the last one that started before `now` (its freeze, minutes
 * and closing may still be due) and every one starting from then up to the lead time ahead,
 * cancelled ones included so that an issue that exists for one can be closed.
 */
export function tickWindow(meeting: Meeting, now: Date, schedule: LoadedSchedule = scheduleOf(meeting.schedule)): Occurrence[] {
  const instant = now.toISOString();
  const last = schedule.previous({ key: "", date: "", start: instant, end: instant });
  const from = last ? new Date(last.start) : now;
  return schedule.list({ from, to: new Date(now.getTime() + meeting.leadTimeMs + 1) });
}

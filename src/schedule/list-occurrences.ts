import type { Occurrence, ScheduleConfig } from "../model.js";
import { occurrenceSource } from "./occurrence-source.js";
import type { TimeRange } from "./time-range.js";

/**
 * Every occurrence of a schedule that starts in [from, to), sorted by start; occurrences that will
 * not take place (exceptions, cancelled calendar instances) are included with `cancelled: true`.
 * A calendar schedule needs the feed's text (see fetchCalendar).
 */
export function listOccurrences(schedule: ScheduleConfig, range: TimeRange, calendarText?: string): Occurrence[] {
  return occurrenceSource(schedule, calendarText)(range);
}

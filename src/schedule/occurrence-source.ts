import { DateTime } from "luxon";
import type { Occurrence, ScheduleConfig } from "../model.js";
import { UserError } from "../errors.js";
import type { OccurrenceSource, TimeRange } from "./time-range.js";
import { rruleOccurrences } from "./rrule-occurrences.js";
import { slotOccurrences } from "./slot-occurrences.js";
import { parseCalendar } from "./parse-calendar.js";

/**
 * Prepares a schedule for repeated range queries: the calendar feed is parsed once, however many
 * windows the caller then searches.
 */
export function occurrenceSource(schedule: ScheduleConfig, calendarText?: string): OccurrenceSource {
  if (!DateTime.local({ zone: schedule.timezone }).isValid) {
    throw new UserError(`The schedule's timezone "${schedule.timezone}" is not an IANA time zone (like "Europe/Berlin").`);
  }
  const listScheduled = scheduledOccurrences(schedule, calendarText);
  const exceptions = new Set(schedule.exceptions);

  return (range) =>
    listScheduled(range)
      .filter((occurrence) => startsIn(occurrence, range))
      .map((occurrence) =>
        exceptions.has(occurrence.date) && !occurrence.cancelled ? { ...occurrence, cancelled: true } : occurrence,
      )
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function scheduledOccurrences(schedule: ScheduleConfig, calendarText: string | undefined): OccurrenceSource {
  if (schedule.kind === "rrule") return schedule.slots ? slotOccurrences(schedule, schedule.slots) : rruleOccurrences(schedule);
  if (calendarText === undefined) {
    throw new Error(`The schedule reads the calendar ${schedule.calendarUrl}, but its text was not passed in; fetch it first.`);
  }
  return parseCalendar(calendarText, schedule);
}

function startsIn(occurrence: Occurrence, range: TimeRange): boolean {
  const start = Date.parse(occurrence.start);
  return start >= range.from.getTime() && start < range.to.getTime();
}

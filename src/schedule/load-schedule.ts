import type { Occurrence, ScheduleConfig } from "../model.js";
import { fetchCalendar } from "./fetch-calendar.js";
import { listOccurrences } from "./list-occurrences.js";
import { nextOccurrence } from "./next-occurrence.js";
import { occurrenceOn } from "./occurrence-on.js";
import { previousOccurrence } from "./previous-occurrence.js";
import type { TimeRange } from "./time-range.js";

/**
 * A meeting's schedule, ready to answer: for a calendar schedule the feed has been fetched, once,
 * so the steps that ask about occurrences never handle the feed's text themselves.
 */
export interface LoadedSchedule {
  readonly config: ScheduleConfig;
  /** The first occurrence that takes place and has not ended by `now`. */
  next(now: Date): Occurrence | undefined;
  /** The last occurrence that took place before this one. */
  previous(occurrence: Occurrence): Occurrence | undefined;
  /** The occurrence on a local date (YYYY-MM-DD in the schedule's zone). */
  on(date: string): Occurrence | undefined;
  /** Every occurrence starting in the range, cancelled ones flagged. */
  list(range: TimeRange): Occurrence[];
}

/** Loads a schedule: fetches a calendar schedule's feed; an RRULE schedule needs nothing. */
export async function loadSchedule(config: ScheduleConfig, fetchImpl: typeof fetch = fetch): Promise<LoadedSchedule> {
  return scheduleOf(config, config.kind === "calendar" ? await fetchCalendar(config.calendarUrl, fetchImpl) : undefined);
}

/** A schedule over a feed's text already at hand (none for an RRULE schedule). */
export function scheduleOf(config: ScheduleConfig, calendarText?: string): LoadedSchedule {
  return {
    config,
    next: (now) => nextOccurrence(config, now, calendarText),
    previous: (occurrence) => previousOccurrence(config, occurrence, calendarText),
    on: (date) => occurrenceOn(config, date, calendarText),
    list: (range) => listOccurrences(config, range, calendarText),
  };
}

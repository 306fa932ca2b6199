import type { Occurrence, ScheduleConfig } from "../model.js";
import { occurrenceSource } from "./occurrence-source.js";
import { SEARCH_WINDOWS_MS } from "./search-windows.js";

// No meeting lasts longer, so one that started earlier cannot still be under way.
const LONGEST_MEETING_MS = 24 * 60 * 60 * 1000;

/**
 * The first occurrence that will take place and has not ended by `now`: a meeting under way is
 * still the next one. Undefined when the schedule has none in the next ten years.
 */
export function nextOccurrence(schedule: ScheduleConfig, now: Date, calendarText?: string): Occurrence | undefined {
  const source = occurrenceSource(schedule, calendarText);
  let from = new Date(now.getTime() - LONGEST_MEETING_MS);
  for (const windowMs of SEARCH_WINDOWS_MS) {
    const to = new Date(now.getTime() + windowMs);
    const next = source({ from, to }).find(
      (occurrence) => !occurrence.cancelled && Date.parse(occurrence.end) > now.getTime(),
    );
    if (next) return next;
    from = to;
  }
  return undefined;
}

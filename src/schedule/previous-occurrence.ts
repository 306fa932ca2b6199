import type { Occurrence, ScheduleConfig } from "../model.js";
import { occurrenceSource } from "./occurrence-source.js";
import { SEARCH_WINDOWS_MS } from "./search-windows.js";

/**
 * The last occurrence that took place before the given one (cancelled ones are skipped).
 * Undefined when there is none in the ten years before it.
 */
export function previousOccurrence(
  schedule: ScheduleConfig,
  occurrence: Occurrence,
  calendarText?: string,
): Occurrence | undefined {
  const source = occurrenceSource(schedule, calendarText);
  const start = Date.parse(occurrence.start);
  let to = new Date(start);
  for (const windowMs of SEARCH_WINDOWS_MS) {
    const from = new Date(start - windowMs);
    const previous = source({ from, to })
      .filter((candidate) => !candidate.cancelled && candidate.key !== occurrence.key)
      .at(-1);
    if (previous) return previous;
    to = from;
  }
  return undefined;
}

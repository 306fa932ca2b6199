import type { DateTime } from "luxon";
import type { Occurrence } from "../model.js";

export interface OccurrenceTimes {
  /** When it was originally scheduled to start; its local date is the occurrence's key. */
  scheduledStart: DateTime;
  start: DateTime;
  end: DateTime;
  cancelled: boolean;
}

/** Builds an occurrence whose dates are local dates in the meeting's time zone. */
export function makeOccurrence(times: OccurrenceTimes, timezone: string): Occurrence {
  const occurrence: Occurrence = {
    key: localDate(times.scheduledStart, timezone),
    date: localDate(times.start, timezone),
    start: times.start.toJSDate().toISOString(),
    end: times.end.toJSDate().toISOString(),
  };
  if (times.cancelled) occurrence.cancelled = true;
  return occurrence;
}

function localDate(instant: DateTime, timezone: string): string {
  return instant.setZone(timezone).toISODate()!;
}

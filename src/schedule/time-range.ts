import type { Occurrence } from "../model.js";

/** A half-open span of time: `from` included, `to` excluded. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** Lists a schedule's occurrences that start in a range, sorted by start, cancelled ones flagged. */
export type OccurrenceSource = (range: TimeRange) => Occurrence[];

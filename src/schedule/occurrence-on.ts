import { DateTime } from "luxon";
import type { Occurrence, ScheduleConfig } from "../model.js";
import { UserError } from "../errors.js";
import { occurrenceSource } from "./occurrence-source.js";

/**
 * The occurrence taking place on a local date (YYYY-MM-DD in the schedule's zone), flagged
 * `cancelled` if it will not take place; undefined when the schedule has none that day.
 */
export function occurrenceOn(schedule: ScheduleConfig, date: string, calendarText?: string): Occurrence | undefined {
  const source = occurrenceSource(schedule, calendarText);
  const day = DateTime.fromISO(date, { zone: schedule.timezone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !day.isValid) {
    throw new UserError(`"${date}" is not a date like 2024-03-28.`);
  }
  const thatDay = source({ from: day.startOf("day").toJSDate(), to: day.plus({ days: 1 }).startOf("day").toJSDate() })
    .filter((occurrence) => occurrence.date === date);
  return thatDay.find((occurrence) => !occurrence.cancelled) ?? thatDay[0];
}

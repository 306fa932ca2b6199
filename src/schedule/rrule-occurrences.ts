import { DateTime } from "luxon";
import rrulePackage, { type Options as RRuleOptions } from "rrule";
import type { ScheduleConfig } from "../model.js";
import { UserError } from "../errors.js";
import { makeOccurrence } from "./make-occurrence.js";
import type { OccurrenceSource } from "./time-range.js";

// rrule ships CommonJS to Node: its classes are only reachable through the default export.
const { RRule } = rrulePackage;

type RRuleSchedule = Extract<ScheduleConfig, { kind: "rrule" }>;

// No zone is more than 14 hours from UTC, so a day either side covers every wall time in range.
const WALL_TIME_MARGIN_MS = 24 * 60 * 60 * 1000;

/**
 * The occurrences of an RRULE schedule (or its single meeting when it has no rule).
 *
 * rrule knows nothing of DST, so the rule runs on "floating" wall times, written as if they
 * were UTC; each wall time is then placed in the meeting's zone. A 16:00 New York meeting thus
 * stays at 16:00 local and its UTC start moves with DST.
 */
export function rruleOccurrences(schedule: RRuleSchedule): OccurrenceSource {
  const firstWallTime = DateTime.fromISO(schedule.start, { zone: "utc" });
  if (!firstWallTime.isValid || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(schedule.start)) {
    throw new UserError(`The schedule's start "${schedule.start}" is not a local date and time like "2024-03-28T16:00".`);
  }
  const occurrenceAt = (wallTime: Date) => {
    const start = placeInZone(wallTime, schedule.timezone);
    const end = start.plus({ minutes: schedule.durationMinutes });
    return makeOccurrence({ scheduledStart: start, start, end, cancelled: false }, schedule.timezone);
  };

  if (schedule.rrule === undefined) {
    const single = occurrenceAt(firstWallTime.toJSDate());
    return () => [single];
  }

  const rule = new RRule({
    ...parseRule(schedule.rrule, schedule.timezone),
    dtstart: firstWallTime.toJSDate(),
  });
  return (range) =>
    rule
      .between(
        new Date(range.from.getTime() - WALL_TIME_MARGIN_MS),
        new Date(range.to.getTime() + WALL_TIME_MARGIN_MS),
        true,
      )
      .map(occurrenceAt);
}

function parseRule(body: string, timezone: string): Partial<RRuleOptions> {
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(body);
  } catch (error) {
    throw new UserError(`The schedule's rrule "${body}" is not a valid RFC 5545 RRULE: ${(error as Error).message}.`);
  }
  if (options.freq === undefined) {
    throw new UserError(`The schedule's rrule "${body}" has no valid FREQ (like FREQ=WEEKLY).`);
  }
  if (options.dtstart || options.tzid) {
    throw new UserError(`The schedule's rrule "${body}" must not set DTSTART or TZID; use the schedule's start and timezone.`);
  }
  // A UTC UNTIL is an instant; the floating rule needs it as the wall time it is in the meeting's zone.
  if (options.until && /UNTIL=\d{8}T\d{6}Z/i.test(body)) {
    const localUntil = DateTime.fromJSDate(options.until).setZone(timezone);
    options.until = DateTime.fromObject(localUntil.toObject(), { zone: "utc" }).toJSDate();
  }
  return options;
}

function placeInZone(wallTime: Date, timezone: string): DateTime {
  return DateTime.fromObject(
    {
      year: wallTime.getUTCFullYear(),
      month: wallTime.getUTCMonth() + 1,
      day: wallTime.getUTCDate(),
      hour: wallTime.getUTCHours(),
      minute: wallTime.getUTCMinutes(),
    },
    { zone: timezone },
  );
}

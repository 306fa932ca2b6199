import { DateTime } from "luxon";
import type { RawMeeting } from "./schema.js";

/** Whether a wall time exists in a zone: the clocks do not skip it. */
export function wallTimeExists(wallTime: string, timezone: string): boolean {
  return DateTime.fromISO(wallTime, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm") === wallTime;
}

/** What makes a schedule's alternating slots unusable once its layers are merged; paths are under `schedule`. */
export function slotProblems(schedule: NonNullable<RawMeeting["schedule"]>): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const key of ["start", "rrule", "calendar", "calendar_filter"] as const) {
    if (schedule[key] !== undefined) {
      problems.push({ path: [key], message: "give either `slots` or `start`/`rrule`/`calendar`, not both; each slot has its own `start` and `rrule`" });
    }
  }
  (schedule.slots ?? []).forEach((slot, index) => {
    if (schedule.timezone !== undefined && !wallTimeExists(slot.start, schedule.timezone)) {
      problems.push({ path: ["slots", index, "start"], message: `\`${slot.start}\` does not exist in ${schedule.timezone}: the clocks skip it` });
    }
  });
  return problems;
}

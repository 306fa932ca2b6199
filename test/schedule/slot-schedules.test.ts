import type { ScheduleConfig, ScheduleSlot } from "../../src/model.js";
import { listOccurrences } from "../../src/schedule/list-occurrences.js";
import { scheduleOf } from "../../src/schedule/load-schedule.js";

type RRuleSchedule = Extract<ScheduleConfig, { kind: "rrule" }>;

// The TSC's alternation: every other Wednesday at 14:00 UTC, and on the weeks between at 20:00,
// each with its own joining link; the late slot is 90 minutes long.
const early: ScheduleSlot = { start: "2024-03-27T14:00", rrule: "FREQ=WEEKLY;INTERVAL=2", durationMinutes: 60, links: { joining: "https://zoom.us/j/early" } };
const late: ScheduleSlot = { start: "2024-04-03T20:00", rrule: "FREQ=WEEKLY;INTERVAL=2", durationMinutes: 90, links: { joining: "https://zoom.us/j/late" } };

function tsc(slots: ScheduleSlot[], exceptions: string[] = []): RRuleSchedule {
  return { kind: "rrule", timezone: "UTC", start: slots[0]!.start, rrule: slots[0]!.rrule!, durationMinutes: slots[0]!.durationMinutes, exceptions, slots };
}

const APRIL = { from: new Date("2024-03-25T00:00:00Z"), to: new Date("2024-04-30T00:00:00Z") };

const lines = (schedule: RRuleSchedule) =>
  listOccurrences(schedule, APRIL).map((occurrence) => `${occurrence.key} ${occurrence.start}–${occurrence.end.slice(11, 16)} ${occurrence.links?.joining ?? "-"}${occurrence.cancelled ? " cancelled" : ""}`);

test("alternating slots: each occurrence at its slot's time, for its slot's length, with its slot's joining link", () => {
  expect(lines(tsc([early, late]))).toEqual([
    "2024-03-27 2024-03-27T14:00:00.000Z–15:00 https://zoom.us/j/early",
    "2024-04-03 2024-04-03T20:00:00.000Z–21:30 https://zoom.us/j/late",
    "2024-04-10 2024-04-10T14:00:00.000Z–15:00 https://zoom.us/j/early",
    "2024-04-17 2024-04-17T20:00:00.000Z–21:30 https://zoom.us/j/late",
    "2024-04-24 2024-04-24T14:00:00.000Z–15:00 https://zoom.us/j/early",
  ]);
});

test("occurrence keys are unique and do not depend on the order the slots are listed in", () => {
  const keys = (schedule: RRuleSchedule) => listOccurrences(schedule, APRIL).map((occurrence) => occurrence.key);
  expect(keys(tsc([late, early]))).toEqual(keys(tsc([early, late])));
  expect(new Set(keys(tsc([early, late]))).size).toBe(keys(tsc([early, late])).length);
});

test("on a date two slots share, the first slot listed holds the meeting: one occurrence, one key", () => {
  const sameDay: ScheduleSlot = { start: "2024-04-10T20:00", durationMinutes: 30, links: { joining: "https://zoom.us/j/extra" } };
  expect(lines(tsc([early, late, sameDay])).filter((line) => line.startsWith("2024-04-10"))).toEqual([
    "2024-04-10 2024-04-10T14:00:00.000Z–15:00 https://zoom.us/j/early",
  ]);
});

test("exceptions cancel a slot's date; next, previous and on() answer across slots", () => {
  expect(lines(tsc([early, late], ["2024-04-03"]))[1]).toBe("2024-04-03 2024-04-03T20:00:00.000Z–21:30 https://zoom.us/j/late cancelled");
  const schedule = scheduleOf(tsc([early, late]));
  expect(schedule.next(new Date("2024-03-27T15:00:00Z"))?.start).toBe("2024-04-03T20:00:00.000Z");
  expect(schedule.previous(schedule.on("2024-04-10")!)?.key).toBe("2024-04-03");
  expect(schedule.on("2024-04-17")?.links).toEqual({ joining: "https://zoom.us/j/late" });
});

import type { Meeting } from "../../src/model.js";
import { decideSteps, type OccurrenceRecord, type TickStep } from "../../src/scheduler/decide-steps.js";
import { tickWindow } from "../../src/scheduler/tick-window.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

// The Security WG meets every other Thursday at 16:00 UTC for an hour (2024-03-28, 04-11, 04-25…);
// its issue appears three days ahead.
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type Records = Record<string, OccurrenceRecord>;

function decide(now: string, records: Records = {}, meeting: Meeting = securityWgMeeting()): string[] {
  const at = new Date(now);
  return decideSteps({
    meeting,
    now: at,
    occurrences: tickWindow(meeting, at),
    records: new Map(Object.entries(records)),
  }).map(describeStep);
}

function describeStep(step: TickStep): string {
  return step.kind === "close-issue"
    ? `close-issue ${step.occurrence.key} (for ${step.successor.key})`
    : `${step.kind} ${step.occurrence.key}`;
}

const openIssue = (number: number, frozen = false): OccurrenceRecord["issue"] => ({ number, state: "open", frozen });

describe("decideSteps: the meeting issue", () => {
  test("nothing before the lead time, the issue at it", () => {
    expect(decide("2024-03-25T15:59:59Z")).toEqual([]);
    expect(decide("2024-03-25T16:00:00Z")).toEqual(["create-issue 2024-03-28"]);
  });

  test("an existing issue is not created again", () => {
    expect(decide("2024-03-26T09:00:00Z", { "2024-03-28": { issue: openIssue(1234) } })).toEqual([]);
  });

  test("a tick that comes after the lead time (the app was down) still creates it, and freezes it once the meeting started", () => {
    expect(decide("2024-03-28T12:00:00Z")).toEqual(["create-issue 2024-03-28"]);
    expect(decide("2024-03-28T16:30:00Z")).toEqual(["create-issue 2024-03-28", "freeze-agenda 2024-03-28"]);
  });

  test("a meeting that ended without an issue gets none", () => {
    expect(decide("2024-03-28T17:00:00Z")).toEqual([]);
  });

  test("a weekly meeting with a longer lead time does not see next week's issue before this week's meeting is over", () => {
    const weekly = securityWgMeeting({
      leadTimeMs: 10 * DAY,
      schedule: { kind: "rrule", timezone: "UTC", start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY", durationMinutes: 60, exceptions: [] },
    });
    const thisWeek = { "2024-03-28": { issue: openIssue(1234) } };
    expect(decide("2024-03-26T09:00:00Z", thisWeek, weekly)).toEqual([]);
    expect(decide("2024-03-28T16:30:00Z", thisWeek, weekly)).toEqual(["freeze-agenda 2024-03-28"]);
    expect(decide("2024-03-28T17:00:00Z", { "2024-03-28": { issue: openIssue(1234, true), minutes: { state: "open", frozenAgenda: true } } }, weekly)).toEqual([
      "create-issue 2024-04-04",
      "close-issue 2024-03-28 (for 2024-04-04)",
    ]);
  });
});

describe("decideSteps: the freeze", () => {
  test("at the start, and only once", () => {
    const live = { "2024-03-28": { issue: openIssue(1234) } };
    expect(decide("2024-03-28T15:59:59Z", live)).toEqual([]);
    expect(decide("2024-03-28T16:00:00Z", live)).toEqual(["freeze-agenda 2024-03-28"]);
    expect(decide("2024-03-28T16:01:00Z", { "2024-03-28": { issue: openIssue(1234, true) } })).toEqual([]);
  });

  test("with no tick during the meeting, the first tick after it freezes and then opens the minutes", () => {
    expect(decide("2024-03-29T08:00:00Z", { "2024-03-28": { issue: openIssue(1234) } })).toEqual([
      "freeze-agenda 2024-03-28",
      "open-minutes 2024-03-28",
    ]);
  });
});

describe("decideSteps: the minutes", () => {
  const frozen = { issue: openIssue(1234, true) };

  test("after_meeting: at the end, not before", () => {
    expect(decide("2024-03-28T16:59:59Z", { "2024-03-28": frozen })).toEqual([]);
    expect(decide("2024-03-28T17:00:00Z", { "2024-03-28": frozen })).toEqual(["open-minutes 2024-03-28"]);
  });

  test("opened minutes, open or merged, are not opened again", () => {
    expect(decide("2024-03-29T08:00:00Z", { "2024-03-28": { ...frozen, minutes: { state: "open", frozenAgenda: true } } })).toEqual([]);
    expect(decide("2024-03-29T08:00:00Z", { "2024-03-28": { ...frozen, minutes: { state: "closed", frozenAgenda: true } } })).toEqual([]);
  });

  test("with_issue: together with the issue, and written again from the frozen agenda at the start", () => {
    const withIssue = securityWgMeeting({ minutes: { path: "meetings/{{date}}.md", open: "with_issue" } });
    expect(decide("2024-03-25T16:00:00Z", {}, withIssue)).toEqual(["create-issue 2024-03-28", "open-minutes 2024-03-28"]);
    const live = { "2024-03-28": { issue: openIssue(1234), minutes: { state: "open" as const, frozenAgenda: false } } };
    expect(decide("2024-03-26T09:00:00Z", live, withIssue)).toEqual([]);
    expect(decide("2024-03-28T16:00:00Z", live, withIssue)).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
    const closed = { "2024-03-28": { issue: openIssue(1234, true), minutes: { state: "closed" as const, frozenAgenda: false } } };
    expect(decide("2024-03-28T16:30:00Z", closed, withIssue)).toEqual([]);
  });

  test("on_command: never by the tick", () => {
    const onCommand = securityWgMeeting({ minutes: { path: "meetings/{{date}}.md", open: "on_command" } });
    expect(decide("2024-03-29T08:00:00Z", { "2024-03-28": frozen }, onCommand)).toEqual([]);
  });
});

describe("decideSteps: closing the previous issue", () => {
  const done = { issue: openIssue(1234, true), minutes: { state: "open" as const, frozenAgenda: true } };

  test("when the next issue is created, with the previous meeting's minutes first", () => {
    expect(decide("2024-04-08T16:00:00Z", { "2024-03-28": { issue: openIssue(1234, true) } })).toEqual([
      "open-minutes 2024-03-28",
      "create-issue 2024-04-11",
      "close-issue 2024-03-28 (for 2024-04-11)",
    ]);
  });

  test("also when the next issue exists already and the previous one is still open", () => {
    expect(decide("2024-04-09T08:00:00Z", { "2024-03-28": done, "2024-04-11": { issue: openIssue(1250) } })).toEqual([
      "close-issue 2024-03-28 (for 2024-04-11)",
    ]);
  });

  test("not with close_previous off, nor when it is closed already", () => {
    const keep = securityWgMeeting({ issue: { labels: ["security-wg-agenda-meeting"], closePrevious: false, title: "{{name}} Meeting {{date}}" } });
    expect(decide("2024-04-08T16:00:00Z", { "2024-03-28": done }, keep)).toEqual(["create-issue 2024-04-11"]);
    const closed = { ...done, issue: { number: 1234, state: "closed" as const, frozen: true } };
    expect(decide("2024-04-08T16:00:00Z", { "2024-03-28": closed })).toEqual(["create-issue 2024-04-11"]);
  });
});

describe("decideSteps: cancelled occurrences", () => {
  const cancelled = securityWgMeeting({
    schedule: { kind: "rrule", timezone: "UTC", start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2", durationMinutes: 60, exceptions: ["2024-04-11"] },
  });

  test("get no issue, and the previous issue stays open until a meeting that takes place has one", () => {
    const done = { "2024-03-28": { issue: openIssue(1234, true), minutes: { state: "open" as const, frozenAgenda: true } } };
    expect(decide("2024-04-09T08:00:00Z", done, cancelled)).toEqual([]);
    expect(decide("2024-04-22T16:00:00Z", done, cancelled)).toEqual([
      "create-issue 2024-04-25",
      "close-issue 2024-03-28 (for 2024-04-25)",
    ]);
  });

  test("an issue created before the exception was added is cancelled, and gets no freeze nor minutes", () => {
    const created = { "2024-04-11": { issue: openIssue(1250) } };
    expect(decide("2024-04-09T08:00:00Z", created, cancelled)).toEqual(["cancel-issue 2024-04-11"]);
    expect(decide("2024-04-11T18:00:00Z", created, cancelled)).toEqual(["cancel-issue 2024-04-11"]);
    expect(decide("2024-04-11T18:00:00Z", { "2024-04-11": { issue: { number: 1250, state: "closed", frozen: false } } }, cancelled)).toEqual([]);
  });
});

test("a tick that runs twice decides nothing new once the first tick's steps are done", () => {
  const now = "2024-04-08T16:00:00Z";
  expect(decide(now, { "2024-03-28": { issue: openIssue(1234, true) } })).toHaveLength(3);
  const after = {
    "2024-03-28": { issue: { number: 1234, state: "closed" as const, frozen: true }, minutes: { state: "open" as const, frozenAgenda: true } },
    "2024-04-11": { issue: openIssue(1250) },
  };
  expect(decide(now, after)).toEqual([]);
});

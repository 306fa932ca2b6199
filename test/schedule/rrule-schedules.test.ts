import type { ScheduleConfig } from "../../src/model.js";
import { listOccurrences } from "../../src/schedule/list-occurrences.js";
import { UserError } from "../../src/errors.js";

type RRuleSchedule = Extract<ScheduleConfig, { kind: "rrule" }>;

/** The Node.js Security WG: every other Thursday at 16:00 UTC. */
const securityWg: RRuleSchedule = {
  kind: "rrule",
  timezone: "UTC",
  start: "2024-03-28T16:00",
  rrule: "FREQ=WEEKLY;INTERVAL=2",
  durationMinutes: 60,
  exceptions: [],
};

function between(from: string, to: string) {
  return { from: new Date(from), to: new Date(to) };
}

function starts(schedule: ScheduleConfig, from: string, to: string): string[] {
  return listOccurrences(schedule, between(from, to)).map((occurrence) => `${occurrence.key} ${occurrence.start}`);
}

describe("listOccurrences for an RRULE schedule", () => {
  test("a biweekly UTC series starts at its first occurrence and keeps every other week", () => {
    expect(listOccurrences(securityWg, between("2024-03-01T00:00:00Z", "2024-05-10T00:00:00Z"))).toMatchInlineSnapshot(`
[
  {
    "date": "2024-03-28",
    "end": "2024-03-28T17:00:00.000Z",
    "key": "2024-03-28",
    "start": "2024-03-28T16:00:00.000Z",
  },
  {
    "date": "2024-04-11",
    "end": "2024-04-11T17:00:00.000Z",
    "key": "2024-04-11",
    "start": "2024-04-11T16:00:00.000Z",
  },
  {
    "date": "2024-04-25",
    "end": "2024-04-25T17:00:00.000Z",
    "key": "2024-04-25",
    "start": "2024-04-25T16:00:00.000Z",
  },
  {
    "date": "2024-05-09",
    "end": "2024-05-09T17:00:00.000Z",
    "key": "2024-05-09",
    "start": "2024-05-09T16:00:00.000Z",
  },
]
`);
  });

  test("the range is half-open on occurrence starts", () => {
    expect(starts(securityWg, "2024-04-11T16:00:00Z", "2024-04-25T16:00:00Z")).toEqual([
      "2024-04-11 2024-04-11T16:00:00.000Z",
    ]);
  });

  test("America/New_York keeps 16:00 local across both DST changes, so the UTC start moves", () => {
    const newYork: RRuleSchedule = {
      ...securityWg,
      timezone: "America/New_York",
      start: "2024-02-29T16:00",
      rrule: "FREQ=WEEKLY",
    };
    expect(starts(newYork, "2024-03-01T00:00:00Z", "2024-03-20T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-03-07 2024-03-07T21:00:00.000Z",
  "2024-03-14 2024-03-14T20:00:00.000Z",
]
`);
    expect(starts(newYork, "2024-10-25T00:00:00Z", "2024-11-10T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-10-31 2024-10-31T20:00:00.000Z",
  "2024-11-07 2024-11-07T21:00:00.000Z",
]
`);
  });

  test("Europe/London keeps 10:00 local across BST", () => {
    const london: RRuleSchedule = {
      ...securityWg,
      timezone: "Europe/London",
      start: "2024-01-02T10:00",
      rrule: "FREQ=WEEKLY;BYDAY=TU",
    };
    expect(starts(london, "2024-03-20T00:00:00Z", "2024-04-05T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-03-26 2024-03-26T10:00:00.000Z",
  "2024-04-02 2024-04-02T09:00:00.000Z",
]
`);
    expect(starts(london, "2024-10-20T00:00:00Z", "2024-11-01T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-10-22 2024-10-22T09:00:00.000Z",
  "2024-10-29 2024-10-29T10:00:00.000Z",
]
`);
  });

  test("Australia/Sydney: the local date is the key even when the UTC date is the day before", () => {
    const sydney: RRuleSchedule = {
      ...securityWg,
      timezone: "Australia/Sydney",
      start: "2024-03-25T09:00",
      rrule: "FREQ=WEEKLY",
    };
    // Daylight saving time ends on 2024-04-07 and starts again on 2024-10-06.
    expect(listOccurrences(sydney, between("2024-03-30T00:00:00Z", "2024-04-10T00:00:00Z"))).toMatchInlineSnapshot(`
[
  {
    "date": "2024-04-01",
    "end": "2024-03-31T23:00:00.000Z",
    "key": "2024-04-01",
    "start": "2024-03-31T22:00:00.000Z",
  },
  {
    "date": "2024-04-08",
    "end": "2024-04-08T00:00:00.000Z",
    "key": "2024-04-08",
    "start": "2024-04-07T23:00:00.000Z",
  },
]
`);
    expect(starts(sydney, "2024-09-28T00:00:00Z", "2024-10-10T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-09-30 2024-09-29T23:00:00.000Z",
  "2024-10-07 2024-10-06T22:00:00.000Z",
]
`);
  });

  test("a monthly BYDAY rule: the second Thursday, across the European DST change", () => {
    const secondThursday: RRuleSchedule = {
      ...securityWg,
      timezone: "Europe/Berlin",
      start: "2024-01-11T15:00",
      rrule: "FREQ=MONTHLY;BYDAY=2TH",
    };
    expect(starts(secondThursday, "2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-01-11 2024-01-11T14:00:00.000Z",
  "2024-02-08 2024-02-08T14:00:00.000Z",
  "2024-03-14 2024-03-14T14:00:00.000Z",
  "2024-04-11 2024-04-11T13:00:00.000Z",
  "2024-05-09 2024-05-09T13:00:00.000Z",
]
`);
  });

  test("the last Wednesday of the month", () => {
    const lastWednesday: RRuleSchedule = {
      ...securityWg,
      timezone: "America/Los_Angeles",
      start: "2024-01-31T09:30",
      rrule: "FREQ=MONTHLY;BYDAY=-1WE",
    };
    expect(starts(lastWednesday, "2024-01-01T00:00:00Z", "2024-04-01T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-01-31 2024-01-31T17:30:00.000Z",
  "2024-02-28 2024-02-28T17:30:00.000Z",
  "2024-03-27 2024-03-27T16:30:00.000Z",
]
`);
  });

  test("exceptions come out as cancelled occurrences", () => {
    const withExceptions = { ...securityWg, exceptions: ["2024-04-25", "2024-04-26"] };
    expect(listOccurrences(withExceptions, between("2024-04-10T00:00:00Z", "2024-05-10T00:00:00Z"))).toMatchInlineSnapshot(`
[
  {
    "date": "2024-04-11",
    "end": "2024-04-11T17:00:00.000Z",
    "key": "2024-04-11",
    "start": "2024-04-11T16:00:00.000Z",
  },
  {
    "cancelled": true,
    "date": "2024-04-25",
    "end": "2024-04-25T17:00:00.000Z",
    "key": "2024-04-25",
    "start": "2024-04-25T16:00:00.000Z",
  },
  {
    "date": "2024-05-09",
    "end": "2024-05-09T17:00:00.000Z",
    "key": "2024-05-09",
    "start": "2024-05-09T16:00:00.000Z",
  },
]
`);
  });

  test("an exception is a local date in the meeting's zone", () => {
    const sydney: RRuleSchedule = {
      ...securityWg,
      timezone: "Australia/Sydney",
      start: "2024-03-25T09:00",
      rrule: "FREQ=WEEKLY",
      exceptions: ["2024-04-01"],
    };
    const [first] = listOccurrences(sydney, between("2024-03-31T00:00:00Z", "2024-04-01T00:00:00Z"));
    expect(first).toMatchObject({ key: "2024-04-01", start: "2024-03-31T22:00:00.000Z", cancelled: true });
  });

  test("a one-off meeting has its single occurrence, in range or not", () => {
    const oneOff: RRuleSchedule = {
      kind: "rrule",
      timezone: "Europe/Paris",
      start: "2024-09-19T14:00",
      durationMinutes: 90,
      exceptions: [],
    };
    expect(listOccurrences(oneOff, between("2024-09-01T00:00:00Z", "2024-10-01T00:00:00Z"))).toMatchInlineSnapshot(`
[
  {
    "date": "2024-09-19",
    "end": "2024-09-19T13:30:00.000Z",
    "key": "2024-09-19",
    "start": "2024-09-19T12:00:00.000Z",
  },
]
`);
    expect(listOccurrences(oneOff, between("2024-10-01T00:00:00Z", "2024-11-01T00:00:00Z"))).toEqual([]);
  });

  test("COUNT and a UTC UNTIL end the series", () => {
    expect(starts({ ...securityWg, rrule: "FREQ=WEEKLY;INTERVAL=2;COUNT=2" }, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")).toEqual([
      "2024-03-28 2024-03-28T16:00:00.000Z",
      "2024-04-11 2024-04-11T16:00:00.000Z",
    ]);
    // 2024-04-11 21:00 in New York is 2024-04-12T01:00Z, after UNTIL.
    const newYork: RRuleSchedule = {
      ...securityWg,
      timezone: "America/New_York",
      start: "2024-04-04T21:00",
      rrule: "FREQ=WEEKLY;UNTIL=20240412T000000Z",
    };
    expect(starts(newYork, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")).toEqual([
      "2024-04-04 2024-04-05T01:00:00.000Z",
    ]);
  });

  test("a wall time that DST skips moves forward by the gap", () => {
    const earlyMorning: RRuleSchedule = {
      ...securityWg,
      timezone: "America/New_York",
      start: "2024-03-03T02:30",
      rrule: "FREQ=WEEKLY",
    };
    expect(starts(earlyMorning, "2024-03-01T00:00:00Z", "2024-03-15T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-03-03 2024-03-03T07:30:00.000Z",
  "2024-03-10 2024-03-10T07:30:00.000Z",
]
`);
  });

  test("mistakes in the schedule are reported with what is wrong", () => {
    const range = between("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z");
    expect(() => listOccurrences({ ...securityWg, rrule: "FREQ=WEEKLY;FOO=1" }, range)).toThrow(
      new UserError(`The schedule's rrule "FREQ=WEEKLY;FOO=1" is not a valid RFC 5545 RRULE: Unknown RRULE property 'FOO'.`),
    );
    expect(() => listOccurrences({ ...securityWg, rrule: "INTERVAL=2" }, range)).toThrow(
      `The schedule's rrule "INTERVAL=2" has no valid FREQ (like FREQ=WEEKLY).`,
    );
    expect(() => listOccurrences({ ...securityWg, timezone: "Mars/Olympus_Mons" }, range)).toThrow(
      `The schedule's timezone "Mars/Olympus_Mons" is not an IANA time zone (like "Europe/Berlin").`,
    );
    expect(() => listOccurrences({ ...securityWg, start: "2024-03-28 16:00" }, range)).toThrow(
      `The schedule's start "2024-03-28 16:00" is not a local date and time like "2024-03-28T16:00".`,
    );
  });
});

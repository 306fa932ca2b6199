import type { ScheduleConfig } from "../../src/model.js";
import { nextOccurrence } from "../../src/schedule/next-occurrence.js";
import { previousOccurrence } from "../../src/schedule/previous-occurrence.js";
import { occurrenceOn } from "../../src/schedule/occurrence-on.js";

type RRuleSchedule = Extract<ScheduleConfig, { kind: "rrule" }>;

/** The Node.js Security WG: every other Thursday at 16:00 UTC, for an hour. */
const securityWg: RRuleSchedule = {
  kind: "rrule",
  timezone: "UTC",
  start: "2024-03-28T16:00",
  rrule: "FREQ=WEEKLY;INTERVAL=2",
  durationMinutes: 60,
  exceptions: ["2024-04-25"],
};

const secondThursdayInBerlin: RRuleSchedule = {
  kind: "rrule",
  timezone: "Europe/Berlin",
  start: "2024-01-11T15:00",
  rrule: "FREQ=MONTHLY;BYDAY=2TH",
  durationMinutes: 60,
  exceptions: [],
};

describe("nextOccurrence", () => {
  test.each([
    ["long before the first meeting", "2023-06-01T00:00:00Z", "2024-03-28"],
    ["a minute before it starts", "2024-03-28T15:59:00Z", "2024-03-28"],
    ["when it starts", "2024-03-28T16:00:00Z", "2024-03-28"],
    ["while it is under way", "2024-03-28T16:59:59Z", "2024-03-28"],
    ["the moment it ends", "2024-03-28T17:00:00Z", "2024-04-11"],
    ["between meetings", "2024-04-02T08:00:00Z", "2024-04-11"],
    ["past a cancelled meeting (2024-04-25)", "2024-04-12T00:00:00Z", "2024-05-09"],
    ["years later", "2031-01-01T00:00:00Z", "2031-01-09"],
  ])("%s (%s) → %s", (_, now, key) => {
    expect(nextOccurrence(securityWg, new Date(now))?.key).toBe(key);
  });

  test("for a monthly meeting, across months", () => {
    expect(nextOccurrence(secondThursdayInBerlin, new Date("2024-03-14T14:30:00Z"))).toEqual({
      key: "2024-03-14",
      date: "2024-03-14",
      start: "2024-03-14T14:00:00.000Z",
      end: "2024-03-14T15:00:00.000Z",
    });
    expect(nextOccurrence(secondThursdayInBerlin, new Date("2024-03-14T15:00:00Z"))?.start).toBe(
      "2024-04-11T13:00:00.000Z",
    );
  });

  test("a weekly meeting that began long ago: each next one is the week's, found from a window after now", () => {
    // How long this takes is the bench's business; here, that the search starts near `now`
    // shows in the answers being the right ones for any week, years after the start.
    const sinceLongAgo: RRuleSchedule = { ...securityWg, start: "2012-01-05T16:00", rrule: "FREQ=WEEKLY", exceptions: [] };
    for (let week = 0; week < 20; week += 1) {
      const now = new Date(Date.UTC(2030, 0, 1 + 7 * week));
      const next = nextOccurrence(sinceLongAgo, now);
      expect(Date.parse(next?.end ?? "")).toBeGreaterThan(now.getTime());
      expect(Date.parse(next?.start ?? "") - now.getTime()).toBeLessThanOrEqual(7 * 24 * 60 * 60 * 1000);
    }
  });


  test("none after a finished series or a past one-off meeting", () => {
    expect(nextOccurrence({ ...securityWg, rrule: "FREQ=WEEKLY;COUNT=3" }, new Date("2024-05-01T00:00:00Z"))).toBeUndefined();
    const { rrule: _, ...oneOff } = securityWg;
    expect(nextOccurrence(oneOff, new Date("2024-03-28T16:30:00Z"))?.key).toBe("2024-03-28");
    expect(nextOccurrence(oneOff, new Date("2024-03-28T17:00:00Z"))).toBeUndefined();
  });

  test("a series whose every near occurrence is cancelled is searched further out", () => {
    const summerBreak = { ...secondThursdayInBerlin, exceptions: ["2024-07-11", "2024-08-08", "2024-09-12"] };
    expect(nextOccurrence(summerBreak, new Date("2024-06-20T00:00:00Z"))?.key).toBe("2024-10-10");
  });
});

describe("occurrenceOn", () => {
  test("the occurrence on a meeting day", () => {
    expect(occurrenceOn(securityWg, "2024-04-11")).toEqual({
      key: "2024-04-11",
      date: "2024-04-11",
      start: "2024-04-11T16:00:00.000Z",
      end: "2024-04-11T17:00:00.000Z",
    });
  });

  test("undefined on a day without a meeting", () => {
    expect(occurrenceOn(securityWg, "2024-04-04")).toBeUndefined();
    expect(occurrenceOn(securityWg, "2024-03-14")).toBeUndefined();
  });

  test("a cancelled occurrence comes back flagged", () => {
    expect(occurrenceOn(securityWg, "2024-04-25")).toMatchObject({ key: "2024-04-25", cancelled: true });
  });

  test("the date is local to the meeting's zone", () => {
    const sydney: RRuleSchedule = { ...securityWg, timezone: "Australia/Sydney", start: "2024-03-25T09:00", rrule: "FREQ=WEEKLY", exceptions: [] };
    expect(occurrenceOn(sydney, "2024-04-01")?.start).toBe("2024-03-31T22:00:00.000Z");
    expect(occurrenceOn(sydney, "2024-03-31")).toBeUndefined();
  });

  test("a malformed date is reported", () => {
    expect(() => occurrenceOn(securityWg, "2024-4-11")).toThrow(`"2024-4-11" is not a date like 2024-03-28.`);
    expect(() => occurrenceOn(securityWg, "2024-02-30")).toThrow(`"2024-02-30" is not a date like 2024-03-28.`);
  });
});

describe("previousOccurrence", () => {
  test("the meeting before, skipping cancelled ones", () => {
    expect(previousOccurrence(securityWg, occurrenceOn(securityWg, "2024-04-11")!)?.key).toBe("2024-03-28");
    expect(previousOccurrence(securityWg, occurrenceOn(securityWg, "2024-05-09")!)?.key).toBe("2024-04-11");
  });

  test("a month back for a monthly meeting", () => {
    expect(previousOccurrence(secondThursdayInBerlin, occurrenceOn(secondThursdayInBerlin, "2024-04-11")!)).toEqual({
      key: "2024-03-14",
      date: "2024-03-14",
      start: "2024-03-14T14:00:00.000Z",
      end: "2024-03-14T15:00:00.000Z",
    });
  });

  test("none before the first meeting", () => {
    expect(previousOccurrence(securityWg, occurrenceOn(securityWg, "2024-03-28")!)).toBeUndefined();
  });
});

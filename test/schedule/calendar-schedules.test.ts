import { readFileSync } from "node:fs";
import type { ScheduleConfig } from "../../src/model.js";
import { listOccurrences } from "../../src/schedule/list-occurrences.js";
import { nextOccurrence } from "../../src/schedule/next-occurrence.js";
import { occurrenceOn } from "../../src/schedule/occurrence-on.js";
import { previousOccurrence } from "../../src/schedule/previous-occurrence.js";

type CalendarSchedule = Extract<ScheduleConfig, { kind: "calendar" }>;

const feed = readFileSync(new URL("../fixtures/calendars/nodejs-meetings.ics", import.meta.url), "utf8");

const securityWg: CalendarSchedule = {
  kind: "calendar",
  timezone: "America/New_York",
  calendarUrl: "https://calendar.google.com/calendar/ical/nodejs.org_example%40group.calendar.google.com/public/basic.ics",
  calendarFilter: "security wg",
  durationMinutes: 60,
  exceptions: [],
};

function between(from: string, to: string) {
  return { from: new Date(from), to: new Date(to) };
}

/** One line per occurrence, so a whole feed reads at a glance. */
function summarize(schedule: CalendarSchedule, from: string, to: string, calendarText = feed): string[] {
  return listOccurrences(schedule, between(from, to), calendarText).map(
    (occurrence) =>
      `${occurrence.key} → ${occurrence.date} ${occurrence.start}..${occurrence.end}${occurrence.cancelled ? " cancelled" : ""}`,
  );
}

describe("listOccurrences for a calendar schedule", () => {
  test("reads the group's events from a Google Calendar feed", () => {
    // The series moves 04-25 to the 26th, excludes 05-09 (EXDATE) and cancels 06-06; the
    // onboarding session is cancelled as a whole; the office hours' TZID has no VTIMEZONE; the
    // all-day summit on 06-20 and the TSC's meetings are not the Security WG's meetings.
    expect(summarize(securityWg, "2024-01-01T00:00:00Z", "2024-06-21T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-02-05 → 2024-02-05 2024-02-05T10:00:00.000Z..2024-02-05T11:00:00.000Z",
  "2024-03-04 → 2024-03-04 2024-03-04T10:00:00.000Z..2024-03-04T11:00:00.000Z",
  "2024-03-28 → 2024-03-28 2024-03-28T16:00:00.000Z..2024-03-28T17:00:00.000Z",
  "2024-04-01 → 2024-04-01 2024-04-01T09:00:00.000Z..2024-04-01T10:00:00.000Z",
  "2024-04-11 → 2024-04-11 2024-04-11T16:00:00.000Z..2024-04-11T17:00:00.000Z",
  "2024-04-25 → 2024-04-26 2024-04-26T18:00:00.000Z..2024-04-26T19:00:00.000Z",
  "2024-05-15 → 2024-05-15 2024-05-15T15:00:00.000Z..2024-05-15T16:30:00.000Z",
  "2024-05-22 → 2024-05-22 2024-05-22T14:00:00.000Z..2024-05-22T15:00:00.000Z cancelled",
  "2024-05-23 → 2024-05-23 2024-05-23T16:00:00.000Z..2024-05-23T17:00:00.000Z",
  "2024-06-06 → 2024-06-06 2024-06-06T16:00:00.000Z..2024-06-06T17:00:00.000Z cancelled",
  "2024-06-20 → 2024-06-20 2024-06-20T16:00:00.000Z..2024-06-20T17:00:00.000Z",
]
`);
  });

  test("a moved instance keeps its original date as key and takes the new one as date", () => {
    expect(listOccurrences(securityWg, between("2024-04-20T00:00:00Z", "2024-04-30T00:00:00Z"), feed)).toMatchInlineSnapshot(`
[
  {
    "date": "2024-04-26",
    "end": "2024-04-26T19:00:00.000Z",
    "key": "2024-04-25",
    "start": "2024-04-26T18:00:00.000Z",
  },
]
`);
  });

  test("the VTIMEZONE keeps 12:00 New York time across the change back to standard time", () => {
    expect(summarize(securityWg, "2024-10-20T00:00:00Z", "2024-11-10T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-10-24 → 2024-10-24 2024-10-24T16:00:00.000Z..2024-10-24T17:00:00.000Z",
  "2024-11-07 → 2024-11-07 2024-11-07T17:00:00.000Z..2024-11-07T18:00:00.000Z",
]
`);
  });

  test("a moved instance is listed where it now takes place", () => {
    // The 04-25 instance now starts on 04-26 at 18:00 UTC, just after this range starts.
    expect(summarize(securityWg, "2024-04-26T00:00:00Z", "2024-05-01T00:00:00Z")).toHaveLength(1);
    expect(summarize(securityWg, "2024-04-25T00:00:00Z", "2024-04-26T00:00:00Z")).toEqual([]);
  });

  test("without a filter every timed event is a meeting", () => {
    const { calendarFilter: _, ...everything } = securityWg;
    expect(summarize(everything, "2024-03-25T00:00:00Z", "2024-04-01T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-03-27 → 2024-03-27 2024-03-27T14:00:00.000Z..2024-03-27T15:00:00.000Z",
  "2024-03-28 → 2024-03-28 2024-03-28T16:00:00.000Z..2024-03-28T17:00:00.000Z",
]
`);
  });

  test("the filter is a case-insensitive part of the summary", () => {
    expect(summarize({ ...securityWg, calendarFilter: "TSC MEETING" }, "2024-03-25T00:00:00Z", "2024-04-08T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-03-27 → 2024-03-27 2024-03-27T14:00:00.000Z..2024-03-27T15:00:00.000Z",
  "2024-04-03 → 2024-04-03 2024-04-03T14:00:00.000Z..2024-04-03T15:00:00.000Z",
]
`);
  });

  test("the schedule's exceptions apply to calendar occurrences, by the date they take place", () => {
    const withExceptions = { ...securityWg, exceptions: ["2024-04-11", "2024-04-26"] };
    expect(summarize(withExceptions, "2024-04-01T00:00:00Z", "2024-05-01T00:00:00Z")).toMatchInlineSnapshot(`
[
  "2024-04-01 → 2024-04-01 2024-04-01T09:00:00.000Z..2024-04-01T10:00:00.000Z",
  "2024-04-11 → 2024-04-11 2024-04-11T16:00:00.000Z..2024-04-11T17:00:00.000Z cancelled",
  "2024-04-25 → 2024-04-26 2024-04-26T18:00:00.000Z..2024-04-26T19:00:00.000Z cancelled",
]
`);
  });

  test("a cancelled recurring event cancels every instance", () => {
    const cancelledSeries = feed.replace(
      "SEQUENCE:2\nSTATUS:CONFIRMED\nSUMMARY:Node.js Security WG Meeting",
      "SEQUENCE:2\nSTATUS:CANCELLED\nSUMMARY:Node.js Security WG Meeting",
    );
    expect(cancelledSeries).not.toBe(feed);
    expect(summarize(securityWg, "2024-03-25T00:00:00Z", "2024-04-30T00:00:00Z", cancelledSeries)).toMatchInlineSnapshot(`
[
  "2024-03-28 → 2024-03-28 2024-03-28T16:00:00.000Z..2024-03-28T17:00:00.000Z cancelled",
  "2024-04-01 → 2024-04-01 2024-04-01T09:00:00.000Z..2024-04-01T10:00:00.000Z",
  "2024-04-11 → 2024-04-11 2024-04-11T16:00:00.000Z..2024-04-11T17:00:00.000Z cancelled",
  "2024-04-25 → 2024-04-26 2024-04-26T18:00:00.000Z..2024-04-26T19:00:00.000Z cancelled",
]
`);
  });

  test("CRLF line endings, as feeds are served, read the same", () => {
    expect(summarize(securityWg, "2024-01-01T00:00:00Z", "2024-12-31T00:00:00Z", feed.replace(/\n/g, "\r\n"))).toEqual(
      summarize(securityWg, "2024-01-01T00:00:00Z", "2024-12-31T00:00:00Z"),
    );
  });

  test("an event without an end lasts the schedule's duration", () => {
    const withoutEnd = calendar(`BEGIN:VEVENT
UID:no-end@example.org
DTSTART:20240704T150000Z
SUMMARY:Node.js Security WG Meeting
END:VEVENT`);
    expect(listOccurrences({ ...securityWg, durationMinutes: 45 }, between("2024-07-01T00:00:00Z", "2024-08-01T00:00:00Z"), withoutEnd)).toEqual([
      { key: "2024-07-04", date: "2024-07-04", start: "2024-07-04T15:00:00.000Z", end: "2024-07-04T15:45:00.000Z" },
    ]);
  });

  test("an event without DTSTART is skipped rather than failing the feed", () => {
    const withoutStart = calendar(`BEGIN:VEVENT
UID:no-start@example.org
SUMMARY:Node.js Security WG Meeting
END:VEVENT`);
    expect(listOccurrences(securityWg, between("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"), withoutStart)).toEqual([]);
  });

  test("problems with the feed are reported with its address", () => {
    const range = between("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z");
    expect(() => listOccurrences(securityWg, range)).toThrow(
      `The schedule reads the calendar ${securityWg.calendarUrl}, but its text was not passed in; fetch it first.`,
    );
    expect(() => listOccurrences(securityWg, range, "<!DOCTYPE html><html><body>Sign in</body></html>")).toThrow(
      `The calendar ${securityWg.calendarUrl} is not a valid iCalendar feed:`,
    );
    expect(() => listOccurrences(securityWg, range, "")).toThrow(
      `The calendar ${securityWg.calendarUrl} is not an iCalendar feed: it holds no VCALENDAR.`,
    );
    const unknownZone = calendar(`BEGIN:VEVENT
UID:unknown-zone@example.org
DTSTART;TZID=Eastern Standard Time:20240110T120000
DTEND;TZID=Eastern Standard Time:20240110T130000
SUMMARY:Node.js Security WG Meeting
END:VEVENT`);
    expect(() => listOccurrences(securityWg, range, unknownZone)).toThrow(
      `The event "Node.js Security WG Meeting" in the calendar ${securityWg.calendarUrl} uses the time zone "Eastern Standard Time", which the feed does not define (no VTIMEZONE) and which is not an IANA time zone.`,
    );
  });
});

describe("finding occurrences in a calendar", () => {
  test("nextOccurrence skips excluded and cancelled instances and keeps a moved one's key", () => {
    expect(nextOccurrence(securityWg, new Date("2024-04-12T00:00:00Z"), feed)).toEqual({
      key: "2024-04-25",
      date: "2024-04-26",
      start: "2024-04-26T18:00:00.000Z",
      end: "2024-04-26T19:00:00.000Z",
    });
    expect(nextOccurrence(securityWg, new Date("2024-05-16T00:00:00Z"), feed)?.start).toBe("2024-05-23T16:00:00.000Z");
    expect(nextOccurrence(securityWg, new Date("2024-05-24T00:00:00Z"), feed)?.key).toBe("2024-06-20");
  });

  test("occurrenceOn finds a moved instance on the day it takes place, and none on its old day", () => {
    expect(occurrenceOn(securityWg, "2024-04-26", feed)?.key).toBe("2024-04-25");
    expect(occurrenceOn(securityWg, "2024-04-25", feed)).toBeUndefined();
    expect(occurrenceOn(securityWg, "2024-06-06", feed)).toMatchObject({ key: "2024-06-06", cancelled: true });
    expect(occurrenceOn(securityWg, "2024-06-20", feed)?.start).toBe("2024-06-20T16:00:00.000Z");
  });

  test("previousOccurrence skips cancelled instances", () => {
    const june20 = occurrenceOn(securityWg, "2024-06-20", feed)!;
    expect(previousOccurrence(securityWg, june20, feed)?.key).toBe("2024-05-23");
  });
});

function calendar(events: string): string {
  return `BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Example//Test//EN\n${events}\nEND:VCALENDAR\n`;
}

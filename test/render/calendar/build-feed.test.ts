// The feed is read back by two parsers that share no code: ical.js (through the app's own calendar
// reader, as a meeting with `schedule.calendar` would read it) and node-ical (rrule-temporal). Both
// must find exactly the schedule's occurrences over two years that cross DST changes in three
// zones, with the meeting issues' reschedules and cancellations applied.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "@jest/globals";
import ICAL from "ical.js";
import nodeIcal from "node-ical";
import type { Occurrence, ScheduleConfig } from "../../../src/model.js";
import { buildFeed } from "../../../src/render/calendar/build-feed.js";
import type { MeetingCalendar } from "../../../src/render/calendar/meeting-calendar.js";
import { scheduleOf } from "../../../src/schedule/load-schedule.js";
import { calendarOf, feedMeeting, issuedOn } from "./feed-fixtures.js";

const RANGE = { from: new Date("2024-01-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") };

function weekly(timezone: string, start: string, exceptions: string[], rrule = "FREQ=WEEKLY;INTERVAL=2"): ScheduleConfig {
  return { kind: "rrule", timezone, start, rrule, durationMinutes: 60, exceptions };
}

/** Three meetings in zones whose DST changes fall on different dates (and one in the south). */
function threeZones(): MeetingCalendar[] {
  const newYork = calendarOf(feedMeeting("tsc", weekly("America/New_York", "2024-01-03T16:00", ["2024-03-13"], "FREQ=WEEKLY")));
  const berlin = calendarOf(feedMeeting("security-wg", weekly("Europe/Berlin", "2024-01-11T17:00", ["2024-12-26", "2025-10-30"])));
  const sydney = calendarOf(feedMeeting("build", weekly("Australia/Sydney", "2024-01-08T09:30", [], "FREQ=MONTHLY;BYDAY=2MO")));
  newYork.issued.push(
    issuedOn(newYork, "2024-03-06"),
    issuedOn(newYork, "2024-03-20", { rescheduleTo: "2024-03-21T18:00:00.000Z" }),
    issuedOn(newYork, "2024-11-06", { cancelled: true }),
  );
  berlin.issued.push(issuedOn(berlin, "2024-03-21", { rescheduleTo: "2024-04-02T15:00:00.000Z" }));
  sydney.issued.push(issuedOn(sydney, "2024-04-08", { cancelled: true }));
  return [newYork, berlin, sydney];
}

/** What a subscriber must see: the schedule's occurrences as the meeting issues state them. */
function expected(entries: MeetingCalendar[]): string[] {
  return entries.flatMap((entry) => {
    const stated = new Map(entry.issued.map((issued) => [issued.scheduled.key, issued.stated]));
    return entry.schedule
      .list(RANGE)
      .map((occurrence) => stated.get(occurrence.key) ?? occurrence)
      .filter((occurrence) => !occurrence.cancelled)
      .map((occurrence) => `${entry.meeting.name} ${occurrence.start} ${occurrence.end}`);
  }).sort();
}

function readWithIcalJs(feed: string, entries: MeetingCalendar[]): string[] {
  return entries.flatMap((entry) => {
    const schedule = scheduleOf(
      { kind: "calendar", timezone: "UTC", calendarUrl: "https://example.org/feed.ics", calendarFilter: entry.meeting.name, durationMinutes: 1, exceptions: [] },
      feed,
    );
    return schedule.list(RANGE).filter((occurrence: Occurrence) => !occurrence.cancelled).map((occurrence) => `${entry.meeting.name} ${occurrence.start} ${occurrence.end}`);
  }).sort();
}

function readWithNodeIcal(feed: string): string[] {
  const parsed = nodeIcal.sync.parseICS(feed);
  return Object.values(parsed)
    .filter((component): component is nodeIcal.VEvent => component?.type === "VEVENT")
    .flatMap((event) => nodeIcal.expandRecurringEvent(event, { from: RANGE.from, to: new Date(RANGE.to.getTime() - 1) }))
    .filter((instance) => instance.event.status !== "CANCELLED")
    .map((instance) => `${String(instance.summary)} ${instance.start.toISOString()} ${instance.end.toISOString()}`)
    .sort();
}

describe("the iCalendar feed", () => {
  const entries = threeZones();
  const feed = buildFeed({ name: "nodejs meetings", meetings: entries, refreshSeconds: 3600 });

  test("ical.js and node-ical both find the schedule's occurrences over two years of DST changes", () => {
    const want = expected(entries);
    expect(want.length).toBeGreaterThan(100);
    expect(readWithIcalJs(feed, entries)).toEqual(want);
    expect(readWithNodeIcal(feed)).toEqual(want);
  });

  test("one VTIMEZONE per zone used, one series per meeting, overrides with raised SEQUENCE", () => {
    const calendar = new ICAL.Component(ICAL.parse(feed) as unknown[]);
    const zones = calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"));
    expect(zones.sort()).toEqual(["America/New_York", "Australia/Sydney", "Europe/Berlin"]);
    const events = calendar.getAllSubcomponents("vevent");
    const series = events.filter((event) => !event.hasProperty("recurrence-id"));
    expect(series.map((event) => event.getFirstPropertyValue("uid"))).toEqual([
      "tsc.tsc.nodejs@agenda-drafter",
      "security-wg.security-wg.nodejs@agenda-drafter",
      "build.build.nodejs@agenda-drafter",
    ]);
    const override = (uid: string, recurrence: string) =>
      events.find((event) => event.getFirstPropertyValue("uid") === uid && String(event.getFirstPropertyValue("recurrence-id")) === recurrence)!;
    const moved = override("tsc.tsc.nodejs@agenda-drafter", "2024-03-20T16:00:00");
    expect(moved.getFirstPropertyValue("sequence")).toBe(1);
    expect(moved.getFirstPropertyValue("url")).toBe("https://github.com/nodejs/tsc/issues/20240320");
    expect(moved.getFirstPropertyValue("location")).toBe("https://zoom.us/j/tsc");
    const cancelled = override("tsc.tsc.nodejs@agenda-drafter", "2024-11-06T16:00:00");
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(override("tsc.tsc.nodejs@agenda-drafter", "2024-03-06T16:00:00").getFirstPropertyValue("sequence")).toBe(0);
    expect(series[0]!.getFirstProperty("exdate")!.getFirstValue()?.toString()).toBe("2024-03-13T16:00:00");
  });

  test("subscribers are told how often to fetch it again", () => {
    expect(feed).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    expect(feed).toContain("X-PUBLISHED-TTL:PT1H\r\n");
  });

  test("the same meetings make the same bytes (a stable ETag), and the UIDs do not change with issues", () => {
    expect(buildFeed({ name: "nodejs meetings", meetings: threeZones(), refreshSeconds: 3600 })).toBe(feed);
    const bare = threeZones().map((entry) => ({ ...entry, issued: [] }));
    const uids = (text: string) => [...new Set([...text.matchAll(/^UID:(.+)\r$/gm)].map((match) => match[1]))];
    expect(uids(buildFeed({ name: "x", meetings: bare, refreshSeconds: 3600 }))).toEqual(uids(feed));
  });

  test("a UTC meeting's exceptions are UTC times, as its DTSTART", () => {
    const utc = calendarOf(feedMeeting("utc", weekly("UTC", "2024-03-28T16:00", ["2024-04-11"])));
    const text = buildFeed({ name: "x", meetings: [utc], refreshSeconds: 600 });
    expect(text).toContain("DTSTART:20240328T160000Z\r\n");
    expect(text).toContain("EXDATE:20240411T160000Z\r\n");
    expect(readWithNodeIcal(text).some((line) => line.includes("2024-04-11"))).toBe(false);
  });
});

describe("a meeting whose schedule is an external calendar", () => {
  const source = readFileSync(new URL("../../fixtures/calendars/nodejs-meetings.ics", import.meta.url), "utf8");
  const tsc = feedMeeting("tsc", {
    kind: "calendar",
    timezone: "UTC",
    calendarUrl: "https://calendar.example.org/nodejs.ics",
    calendarFilter: "TSC Meeting",
    durationMinutes: 60,
    exceptions: [],
  });
  const entry = calendarOf(tsc, [], source);
  const feed = buildFeed({ name: "nodejs meetings", meetings: [entry], refreshSeconds: 3600 });

  test("has its events passed through once, with the calendar's own UIDs and zones", () => {
    const calendar = new ICAL.Component(ICAL.parse(feed) as unknown[]);
    const events = calendar.getAllSubcomponents("vevent");
    expect(new Set(events.map((event) => event.getFirstPropertyValue("uid")))).toEqual(new Set(["9tsc8meeting7weekly6wed5nes@google.com"]));
    const read = scheduleOf({ ...tsc.schedule, calendarFilter: "" } as ScheduleConfig, feed).list(RANGE);
    expect(read).toEqual(entry.schedule.list(RANGE));
    expect(read.length).toBeGreaterThan(0);
    const zones = calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"));
    expect(new Set(zones).size).toBe(zones.length);
  });
});

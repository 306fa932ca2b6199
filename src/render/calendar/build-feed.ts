import ICAL from "ical.js";
import icalGenerator, { ICalEventStatus, type ICalCalendar } from "ical-generator";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { DateTime } from "luxon";
import type { Meeting, Occurrence } from "../../model.js";
import { seriesUid, type IssuedOccurrence, type MeetingCalendar } from "./meeting-calendar.js";

export interface FeedInput {
  /** The calendar's name, as subscribers see it, e.g. "nodejs meetings". */
  name: string;
  meetings: MeetingCalendar[];
  /** How often a subscriber should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshSeconds: number;
}

/**
 * The iCalendar feed (RFC 5545) of some meetings: per RRULE meeting one VEVENT with its RRULE and
 * EXDATEs (the schedule's exceptions), then one override (RECURRENCE-ID) per occurrence whose
 * meeting issue exists, with the issue's URL and the joining link, its new time and a raised
 * SEQUENCE after `/meeting reschedule`, STATUS:CANCELLED after `/meeting cancel`. A VTIMEZONE is
 * written for every zone used. A meeting whose schedule is an external calendar has its events
 * passed through as that calendar has them, so that a subscriber to both sees each event once.
 */
export function buildFeed(input: FeedInput): string {
  const calendar = icalGenerator({
    name: input.name,
    prodId: { company: "agenda-drafter", product: "meetings", language: "EN" },
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: input.refreshSeconds,
  });
  const passedThrough: string[] = [];
  for (const entry of input.meetings) {
    if (entry.meeting.schedule.kind === "calendar") passedThrough.push(...externalEvents(entry));
    else addSeries(calendar, entry);
  }
  const text = calendar.toString();
  if (passedThrough.length === 0) return text;
  const definedZones = new Set([...text.matchAll(/^TZID:(.+)\r$/gm)].map((match) => match[1]));
  const extra = passedThrough.filter((component) => {
    const zone = /^BEGIN:VTIMEZONE\r\nTZID:(.+)\r$/m.exec(component)?.[1];
    if (zone === undefined) return true;
    if (definedZones.has(zone)) return false;
    definedZones.add(zone);
    return true;
  });
  return text.replace(/END:VCALENDAR(\r?\n)?$/, `${extra.join("")}END:VCALENDAR\r\n`);
}

function addSeries(calendar: ICalCalendar, entry: MeetingCalendar): void {
  const { meeting, schedule } = entry;
  if (schedule.config.kind !== "rrule") return;
  const zone = schedule.config.timezone;
  const uid = seriesUid(meeting);
  const first = DateTime.fromISO(schedule.config.start, { zone });
  const rrule = schedule.config.rrule;
  const issuedByKey = new Map(entry.issued.map((issued) => [issued.scheduled.key, issued]));
  if (rrule === undefined) {
    // A one-off meeting is its own only instance: its issue's changes go onto the event itself.
    const only = issuedByKey.get(first.toISODate() ?? "");
    calendar.createEvent({
      ...eventBase(meeting, uid, zone),
      ...(only ? occurrenceFields(meeting, only, zone) : timeFields(first, meeting.schedule.durationMinutes)),
    });
    return;
  }
  const exdates = schedule.config.exceptions
    .map((date) => schedule.on(date))
    .filter((occurrence): occurrence is Occurrence => occurrence !== undefined)
    .map((occurrence) => exdateStamp(occurrence.start, zone));
  const exdate = isUtc(zone) ? `EXDATE:${exdates.join(",")}` : `EXDATE;TZID=${zone}:${exdates.join(",")}`;
  const lines = [`RRULE:${rrule}`, ...(exdates.length > 0 ? [exdate] : [])];
  calendar.createEvent({
    ...eventBase(meeting, uid, zone),
    ...timeFields(first, meeting.schedule.durationMinutes),
    repeating: lines.join("\n"),
  });
  for (const issued of entry.issued) {
    calendar.createEvent({
      ...eventBase(meeting, uid, zone),
      ...occurrenceFields(meeting, issued, zone),
      recurrenceId: DateTime.fromISO(issued.scheduled.start).setZone(zone),
    });
  }
}

function eventBase(meeting: Meeting, uid: string, zone: string) {
  return {
    id: uid,
    timezone: zone,
    summary: meeting.name,
    // A fixed stamp: the feed's bytes, and so its ETag, change only when the meetings do.
    stamp: new Date(0),
  };
}

function timeFields(start: DateTime, durationMinutes: number) {
  return { start, end: start.plus({ minutes: durationMinutes }) };
}

function occurrenceFields(meeting: Meeting, issued: IssuedOccurrence, zone: string) {
  const joining = meeting.links["joining"];
  const description = [`Meeting issue: ${issued.issueUrl}`, ...(joining ? [`Join: ${joining}`] : []), ...(issued.minutesUrl ? [`Minutes: ${issued.minutesUrl}`] : [])];
  return {
    start: DateTime.fromISO(issued.stated.start).setZone(zone),
    end: DateTime.fromISO(issued.stated.end).setZone(zone),
    url: issued.issueUrl,
    description: description.join("\n"),
    ...(joining && { location: joining }),
    // Raised with each change a subscriber's copy must follow; never lowered.
    sequence: (issued.rescheduled ? 1 : 0) + (issued.cancelledByCommand ? 1 : 0),
    ...(issued.cancelledByCommand && { status: ICalEventStatus.CANCELLED }),
  };
}

/**
 * An EXDATE value as the series' DTSTART is written: the wall time in the zone (with TZID), or
 * a UTC time for a UTC meeting, whose DTSTART ical-generator writes in UTC.
 */
function exdateStamp(instant: string, zone: string): string {
  const time = DateTime.fromISO(instant).setZone(zone);
  return isUtc(zone) ? time.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'") : time.toFormat("yyyyMMdd'T'HHmmss");
}

function isUtc(zone: string): boolean {
  return /^(Etc\/)?(UTC|GMT|Zulu|UCT|Universal)$/i.test(zone);
}

/** The external calendar's VEVENTs that are the meeting's (its filter), with their overrides and zones. */
function externalEvents(entry: MeetingCalendar): string[] {
  if (entry.calendarText === undefined || entry.meeting.schedule.kind !== "calendar") return [];
  const filter = entry.meeting.schedule.calendarFilter?.toLowerCase();
  const parsed = ICAL.parse(entry.calendarText);
  const calendar = new ICAL.Component((Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[]);
  const events = calendar.getAllSubcomponents("vevent");
  const uids = new Set(
    events
      .filter((event) => !event.hasProperty("recurrence-id"))
      .filter((event) => !filter || String(event.getFirstPropertyValue("summary") ?? "").toLowerCase().includes(filter))
      .map((event) => String(event.getFirstPropertyValue("uid") ?? "")),
  );
  const kept = events.filter((event) => uids.has(String(event.getFirstPropertyValue("uid") ?? "")));
  const zones = new Set(kept.flatMap((event) => ["dtstart", "dtend", "recurrence-id", "exdate"].map((name) => event.getFirstProperty(name)?.getParameter("tzid"))));
  const timezones = calendar.getAllSubcomponents("vtimezone").filter((zone) => zones.has(String(zone.getFirstPropertyValue("tzid"))));
  return [...timezones, ...kept].map((component) => `${component.toString().replace(/\r?\n/g, "\r\n")}\r\n`);
}

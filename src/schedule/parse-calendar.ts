import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { Occurrence, ScheduleConfig } from "../model.js";
import { UserError } from "../errors.js";
import { makeOccurrence } from "./make-occurrence.js";
import type { OccurrenceSource, TimeRange } from "./time-range.js";

type CalendarSchedule = Extract<ScheduleConfig, { kind: "calendar" }>;

/**
 * Reads a meeting's occurrences from an iCalendar feed: the timed events whose SUMMARY contains
 * the schedule's filter, with their recurrences expanded (RRULE, RDATE, EXDATE), moved
 * instances (RECURRENCE-ID) and cancellations (STATUS:CANCELLED on an instance or a whole
 * event). All-day events are not meetings and are skipped.
 */
export function parseCalendar(calendarText: string, schedule: CalendarSchedule): OccurrenceSource {
  const calendar = parseFeed(calendarText, schedule.calendarUrl);
  // An event without DTSTART (invalid, but seen in the wild) has no time to meet at.
  const components = calendar.getAllSubcomponents("vevent").filter((component) => component.hasProperty("dtstart"));
  const overridesByUid = new Map<string, ICAL.Component[]>();
  for (const component of components.filter(isOverride)) {
    const uid = uidOf(component);
    overridesByUid.set(uid, [...(overridesByUid.get(uid) ?? []), component]);
  }
  const masterUids = new Set(components.filter((component) => !isOverride(component)).map(uidOf));
  // An instance whose series is not in the feed still stands on its own.
  const orphans = [...overridesByUid].filter(([uid]) => !masterUids.has(uid)).flatMap(([, overrides]) => overrides);

  const sources = [...components.filter((component) => !isOverride(component)), ...orphans]
    .filter((component) => matchesFilter(component, schedule.calendarFilter))
    .map((component) =>
      eventOccurrences(
        new ICAL.Event(component, {
          exceptions: isOverride(component) ? [] : (overridesByUid.get(uidOf(component)) ?? []),
          strictExceptions: true,
        }),
        schedule,
      ),
    );
  return (range) => sources.flatMap((listOccurrences) => listOccurrences(range));
}

function parseFeed(calendarText: string, url: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(calendarText);
  } catch (error) {
    throw new UserError(`The calendar ${url} is not a valid iCalendar feed: ${(error as Error).message}.`);
  }
  // Several VCALENDARs in one text come back as a list; feeds carry one.
  const first = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
  const calendar = new ICAL.Component(first as unknown[]);
  if (calendar.name !== "vcalendar") {
    throw new UserError(`The calendar ${url} is not an iCalendar feed: it holds no VCALENDAR.`);
  }
  return calendar;
}

function eventOccurrences(event: ICAL.Event, schedule: CalendarSchedule): OccurrenceSource {
  if (event.startDate.isDate) return () => [];
  if (!event.isRecurring()) {
    const single = toOccurrence(standaloneInstance(event), schedule);
    return () => [single];
  }

  const seriesTzid = tzidOf(event.component, "dtstart");
  const overrides = Object.values(event.exceptions);
  const movedMillis = new Set(
    overrides.map((override) => instantOf(standaloneInstance(override).scheduled, override, schedule).toMillis()),
  );
  const lastMoved = Math.max(...movedMillis);
  const shiftsFollowingInstances = overrides.some((override) => override.modifiesFuture());
  const expandThrough = expansion(event, seriesTzid, schedule);

  return (range: TimeRange) => {
    const occurrences: Occurrence[] = [];
    // Instances come in scheduled order, but a moved one may land in range from beyond it.
    const limit = Math.max(range.to.getTime(), lastMoved + 1);
    for (const scheduled of expandThrough(limit)) {
      if (scheduled.millis >= limit) break;
      // Series run for years: skip the instances that plainly start outside the range.
      const stays = !movedMillis.has(scheduled.millis) && !shiftsFollowingInstances;
      if (stays && (scheduled.millis < range.from.getTime() || scheduled.millis >= range.to.getTime())) continue;
      const instance = seriesInstance(event, { time: scheduled.time, tzid: seriesTzid });
      if (!instance.start.time.isDate) occurrences.push(toOccurrence(instance, schedule));
    }
    return occurrences;
  };
}

interface ScheduledInstance {
  time: ICAL.Time;
  millis: number;
}

/**
 * Expands a series lazily and remembers what it expanded: ical.js can only iterate from the
 * first instance, and finding a neighbouring occurrence asks for several windows in turn.
 */
function expansion(
  event: ICAL.Event,
  seriesTzid: string | undefined,
  schedule: CalendarSchedule,
): (limit: number) => readonly ScheduledInstance[] {
  const expanded: ScheduledInstance[] = [];
  const iterator = event.iterator();
  let complete = false;
  return (limit) => {
    while (!complete && (expanded.at(-1)?.millis ?? -Infinity) < limit) {
      const time = nextInstance(iterator, event, schedule);
      if (time) expanded.push({ time, millis: instantOf({ time, tzid: seriesTzid }, event, schedule).toMillis() });
      else complete = true;
    }
    return expanded;
  };
}

function nextInstance(iterator: ICAL.RecurExpansion, event: ICAL.Event, schedule: CalendarSchedule): ICAL.Time | null {
  try {
    return iterator.next();
  } catch (error) {
    throw new UserError(
      `The event "${event.summary}" in the calendar ${schedule.calendarUrl} repeats by a rule that cannot be expanded: ${(error as Error).message}`,
    );
  }
}

/** An iCalendar time with the TZID its property named, which the feed may leave undefined. */
interface ZonedTime {
  time: ICAL.Time;
  tzid: string | undefined;
}

interface Instance {
  /** The VEVENT describing it: the event itself, or the override of a series instance. */
  event: ICAL.Event;
  scheduled: ZonedTime;
  start: ZonedTime;
  /** Undefined when the event gives neither DTEND nor DURATION. */
  end: ZonedTime | undefined;
  cancelled: boolean;
}

function standaloneInstance(event: ICAL.Event): Instance {
  const start = { time: event.startDate, tzid: tzidOf(event.component, "dtstart") };
  return {
    event,
    scheduled: event.isRecurrenceException()
      ? { time: event.recurrenceId, tzid: tzidOf(event.component, "recurrence-id") ?? start.tzid }
      : start,
    start,
    end: hasOwnEnd(event.component)
      ? { time: event.endDate, tzid: tzidOf(event.component, "dtend") ?? start.tzid }
      : undefined,
    cancelled: isCancelled(event),
  };
}

function seriesInstance(series: ICAL.Event, scheduled: ZonedTime): Instance {
  const details = series.getOccurrenceDetails(scheduled.time);
  const overridden = details.item !== series;
  const item = details.item;
  const startTzid = overridden ? tzidOf(item.component, "dtstart") : scheduled.tzid;
  // ical.js computes a plain instance's end from its start, in the start's zone.
  const endTzid = overridden ? (tzidOf(item.component, "dtend") ?? startTzid) : startTzid;
  return {
    event: item,
    scheduled,
    start: { time: details.startDate, tzid: startTzid },
    end: hasOwnEnd(item.component) ? { time: details.endDate, tzid: endTzid } : undefined,
    cancelled: isCancelled(item) || isCancelled(series),
  };
}

function toOccurrence(instance: Instance, schedule: CalendarSchedule): Occurrence {
  const start = instantOf(instance.start, instance.event, schedule);
  return makeOccurrence(
    {
      scheduledStart: instantOf(instance.scheduled, instance.event, schedule),
      start,
      end: instance.end
        ? instantOf(instance.end, instance.event, schedule)
        : start.plus({ minutes: schedule.durationMinutes }),
      cancelled: instance.cancelled,
    },
    schedule.timezone,
  );
}

/**
 * The instant of an iCalendar time. Times in UTC or in a zone the feed defines (VTIMEZONE) are
 * exact; a TZID the feed leaves undefined is read as an IANA zone, and a floating time as a
 * wall time in the meeting's zone.
 */
function instantOf({ time, tzid }: ZonedTime, event: ICAL.Event, schedule: CalendarSchedule): DateTime {
  if (time.zone && time.zone.tzid !== "floating") return DateTime.fromSeconds(time.toUnixTime(), { zone: "utc" });
  const zone = tzid ?? schedule.timezone;
  const instant = DateTime.fromObject(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second },
    { zone },
  );
  if (!instant.isValid) {
    throw new UserError(
      `The event "${event.summary}" in the calendar ${schedule.calendarUrl} uses the time zone "${zone}", ` +
        `which the feed does not define (no VTIMEZONE) and which is not an IANA time zone.`,
    );
  }
  return instant;
}

function tzidOf(component: ICAL.Component, propertyName: string): string | undefined {
  const tzid = component.getFirstProperty(propertyName)?.getParameter("tzid");
  return typeof tzid === "string" ? tzid : undefined;
}

function hasOwnEnd(component: ICAL.Component): boolean {
  return component.hasProperty("dtend") || component.hasProperty("duration");
}

function isCancelled(event: ICAL.Event): boolean {
  return String(event.component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED";
}

function isOverride(component: ICAL.Component): boolean {
  return component.hasProperty("recurrence-id");
}

function uidOf(component: ICAL.Component): string {
  return String(component.getFirstPropertyValue("uid") ?? "");
}

function matchesFilter(component: ICAL.Component, filter: string | undefined): boolean {
  if (!filter) return true;
  const summary = String(component.getFirstPropertyValue("summary") ?? "");
  return summary.toLowerCase().includes(filter.toLowerCase());
}

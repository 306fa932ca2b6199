import type { Meeting, ScheduleConfig } from "../../../src/model.js";
import { scheduleOf } from "../../../src/schedule/load-schedule.js";
import type { IssuedOccurrence, MeetingCalendar } from "../../../src/render/calendar/meeting-calendar.js";

/** A meeting of the feed tests, every key not given set as a plain config would. */
export function feedMeeting(id: string, schedule: ScheduleConfig, extra: Partial<Meeting> = {}): Meeting {
  return {
    id,
    home: { owner: "nodejs", repo: id },
    name: `${id} meeting`,
    agendaLabels: [`${id}-agenda`],
    scope: { orgs: ["nodejs"], repos: [] },
    includePrivate: [],
    repoOrder: [],
    schedule,
    leadTimeMs: 3 * 24 * 3_600_000,
    invited: [],
    observers: [],
    standingItems: [],
    minutes: { path: "meetings/{{date}}.md", open: "after_meeting" },
    issue: { labels: ["meeting"], closePrevious: true, title: "{{name}} Meeting {{date}}" },
    templates: {},
    links: { joining: `https://zoom.us/j/${id}` },
    timezones: [],
    dryRun: false,
    ...extra,
  };
}

export function calendarOf(meeting: Meeting, issued: IssuedOccurrence[] = [], calendarText?: string): MeetingCalendar {
  return { meeting, schedule: scheduleOf(meeting.schedule, calendarText), issued, ...(calendarText !== undefined && { calendarText }) };
}

/** An occurrence's meeting issue, with what its state says changed. */
export function issuedOn(entry: MeetingCalendar, key: string, change: { rescheduleTo?: string; cancelled?: boolean } = {}): IssuedOccurrence {
  const scheduled = entry.schedule.on(key);
  if (!scheduled) throw new Error(`${entry.meeting.id} has no occurrence on ${key}`);
  const durationMs = Date.parse(scheduled.end) - Date.parse(scheduled.start);
  const start = change.rescheduleTo ?? scheduled.start;
  const stated = {
    ...scheduled,
    start,
    end: new Date(Date.parse(start) + durationMs).toISOString(),
    ...(change.cancelled && { cancelled: true }),
  };
  return {
    scheduled,
    stated,
    rescheduled: change.rescheduleTo !== undefined,
    cancelledByCommand: change.cancelled ?? false,
    issueUrl: `https://github.com/${entry.meeting.home.owner}/${entry.meeting.home.repo}/issues/${key.replace(/-/g, "")}`,
  };
}

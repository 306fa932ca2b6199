import type { GitHub } from "../github.js";
import type { Meeting, Occurrence } from "../model.js";
import { fetchCalendar } from "../schedule/fetch-calendar.js";
import { scheduleOf, type LoadedSchedule } from "../schedule/load-schedule.js";
import { collectAgendaItems } from "../collect/collect-agenda-items.js";
import { buildAgenda } from "../agenda/build-agenda.js";
import type { IssuedOccurrence, MeetingPageEntry } from "../render/calendar/meeting-calendar.js";
import { readMeetingIssues, type MeetingIssue } from "../publish/list-meeting-issues.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import type { RecordedClaims } from "../publish/claim-occurrence.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back the feed and the page show meeting issues: a year of past meetings and their minutes. */
const ISSUES_SINCE_MS = 400 * DAY_MS;
/** At most this many meeting issues are read per meeting (each one's claim is read once per process). */
const MAX_ISSUED = 30;

export interface CalendarReadOptions {
  now: Date;
  recordedClaims?: RecordedClaims;
  /** Also collect the next occurrence's live agenda (for the page; the feed needs none). */
  withAgenda: boolean;
  fetchImpl?: typeof fetch;
}

/**
 * A meeting as the feed and the page show it, writing nothing: its schedule, the occurrences
 * whose meeting issue exists (the issue the occurrence's claim records, never one that merely
 * carries its marker) as their signed state states them, the next occurrence and its live agenda.
 */
export async function readMeetingCalendar(octokit: GitHub, meeting: Meeting, options: CalendarReadOptions): Promise<MeetingPageEntry> {
  // 1. Schedule: an external calendar is fetched once, and its text kept to pass its events through.
  const calendarText = meeting.schedule.kind === "calendar" ? await fetchCalendar(meeting.schedule.calendarUrl, options.fetchImpl) : undefined;
  const schedule = scheduleOf(meeting.schedule, calendarText);

  // 2. The occurrences that have their meeting issue, as its state changes them.
  const issued = await issuedOccurrences(octokit, meeting, schedule, options);

  // 3. The next occurrence that takes place, as stated.
  const next = nextStated(schedule, issued, options.now);

  // 4. Its live agenda, collected as a refresh would (the visibility rule applied); none when search fails.
  const agenda =
    next && options.withAgenda
      ? await collectAgendaItems(octokit, meeting).then(
          (collected) =>
            buildAgenda(meeting, next.occurrence, collected.items, {
              searchUrls: collected.searchUrls,
              truncated: collected.truncated,
              discussionsUnread: collected.discussionsUnread === true,
            }),
          () => undefined,
        )
      : undefined;

  return {
    meeting,
    schedule,
    issued,
    ...(calendarText !== undefined && { calendarText }),
    ...(next && { next: { ...next, ...(agenda && { agenda }) } }),
  };
}

async function issuedOccurrences(octokit: GitHub, meeting: Meeting, schedule: LoadedSchedule, options: CalendarReadOptions): Promise<IssuedOccurrence[]> {
  const issues = await readMeetingIssues(octokit, meeting, options.recordedClaims);
  const since = new Date(options.now.getTime() - ISSUES_SINCE_MS).toISOString().slice(0, 10);
  const byKey = new Map<string, MeetingIssue[]>();
  for (const issue of issues.all) {
    const key = issue.parsed.marker?.meeting === meeting.id ? issue.parsed.marker.occurrence : undefined;
    if (key !== undefined && key >= since) byKey.set(key, [...(byKey.get(key) ?? []), issue]);
  }
  const issued: IssuedOccurrence[] = [];
  for (const key of [...byKey.keys()].sort().slice(-MAX_ISSUED)) {
    const claimed = await issues.claimed(key);
    const scheduled = claimed && schedule.on(key);
    if (!claimed || !scheduled || !byKey.get(key)?.some((issue) => issue.number === claimed.number)) continue;
    const state = claimed.parsed.state;
    issued.push({
      scheduled,
      stated: occurrenceAsStated(meeting, scheduled, state),
      rescheduled: state?.reschedule !== undefined,
      cancelledByCommand: state?.cancelled !== undefined,
      issueUrl: claimed.url,
      ...(state?.minutes && { minutesUrl: state.minutes.url }),
    });
  }
  return issued;
}

function nextStated(schedule: LoadedSchedule, issued: IssuedOccurrence[], now: Date): { occurrence: Occurrence; issued?: IssuedOccurrence } | undefined {
  const byKey = new Map(issued.map((entry) => [entry.scheduled.key, entry]));
  // A meeting under way is still the next one; a rescheduled one may have moved past its neighbours.
  const upcoming = schedule.list({ from: new Date(now.getTime() - DAY_MS), to: new Date(now.getTime() + 400 * DAY_MS) });
  const stated = upcoming
    .map((occurrence) => ({ occurrence: byKey.get(occurrence.key)?.stated ?? occurrence, issued: byKey.get(occurrence.key) }))
    .filter(({ occurrence }) => !occurrence.cancelled && Date.parse(occurrence.end) > now.getTime())
    .sort((a, b) => Date.parse(a.occurrence.start) - Date.parse(b.occurrence.start));
  const first = stated[0];
  if (!first) return undefined;
  return first.issued ? { occurrence: first.occurrence, issued: first.issued } : { occurrence: first.occurrence };
}

import type { Agenda, Meeting, Occurrence } from "../../model.js";
import type { LoadedSchedule } from "../../schedule/load-schedule.js";

/**
 * An occurrence that has a meeting issue, as its issue's state tells it: what the feed adds to the
 * schedule (an override with the issue's link, a cancellation, a new time) and what the page shows.
 */
export interface IssuedOccurrence {
  /** As the schedule has it: its start is the series instance the override replaces. */
  scheduled: Occurrence;
  /** As the meeting issue's state changes it (`/meeting reschedule`, `/meeting cancel`). */
  stated: Occurrence;
  rescheduled: boolean;
  /** Cancelled by `/meeting cancel` (the schedule's own exceptions need no issue). */
  cancelledByCommand: boolean;
  issueUrl: string;
  /** The minutes pull request, once opened. */
  minutesUrl?: string;
}

/** One meeting as the feed and the page show it. */
export interface MeetingCalendar {
  meeting: Meeting;
  schedule: LoadedSchedule;
  /** An external calendar's text (schedule.calendar): its events are passed through, not copied. */
  calendarText?: string;
  /** The occurrences whose meeting issue exists, oldest first. */
  issued: IssuedOccurrence[];
}

/** What the page adds: the next occurrence and its live agenda. */
export interface MeetingPageEntry extends MeetingCalendar {
  next?: { occurrence: Occurrence; issued?: IssuedOccurrence; agenda?: Agenda };
}

/** The UID of a meeting's series: the same for as long as the meeting keeps its id and home repo. */
export function seriesUid(meeting: Meeting): string {
  return `${meeting.id}.${meeting.home.repo}.${meeting.home.owner}@agenda-drafter`.toLowerCase();
}

import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import type { Log } from "../log.js";
import { buildFeed } from "../render/calendar/build-feed.js";
import { commitCalendarFile, type CalendarFileOutcome } from "../publish/commit-calendar-file.js";
import type { RecordedClaims } from "../publish/claim-occurrence.js";
import { readMeetingCalendar } from "./read-meeting-calendar.js";

export interface CalendarFileContext {
  octokit: GitHub;
  log: Log;
  now: Date;
  recordedClaims?: RecordedClaims;
}

/**
 * Commits the feed of one home repo's meetings to each `calendar.path` they name, for groups
 * without the app's server (and for the Action): written only when it changed.
 */
export async function publishCalendarFile(context: CalendarFileContext, meetings: Meeting[]): Promise<Record<string, CalendarFileOutcome>> {
  const home = meetings[0]?.home;
  const paths = [...new Set(meetings.flatMap((meeting) => (meeting.calendar ? [meeting.calendar.path] : [])))];
  if (!home || paths.length === 0) return {};

  // 1. Every meeting of the home repo, as the served feed has them.
  const entries = [];
  for (const meeting of meetings) {
    entries.push(await readMeetingCalendar(context.octokit, meeting, { now: context.now, withAgenda: false, ...(context.recordedClaims && { recordedClaims: context.recordedClaims }) }));
  }
  const text = buildFeed({ name: `${home.owner}/${home.repo} meetings`, meetings: entries, refreshSeconds: 3600 });

  // 2. Each path written when its text differs; a path of meetings all in dry run is only logged.
  const outcomes: Record<string, CalendarFileOutcome> = {};
  for (const path of paths) {
    const dryRun = meetings.filter((meeting) => meeting.calendar?.path === path).every((meeting) => meeting.dryRun);
    outcomes[path] = await commitCalendarFile(context.octokit, home, { path, text }, { dryRun, log: context.log });
  }
  return outcomes;
}

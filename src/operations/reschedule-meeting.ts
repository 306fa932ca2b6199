import { DateTime } from "luxon";
import type { GitHub } from "../github.js";
import type { Log } from "../log.js";
import type { Meeting, Occurrence } from "../model.js";
import { retitleIssue } from "../publish/issue-writes.js";
import { readMeetingIssues, type MeetingIssue } from "../publish/list-meeting-issues.js";
import { emptyState } from "../publish/meeting-state.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { issueRenderer } from "./steps/issue-renderer.js";
import { rewriteIssue } from "./steps/rewrite-issue.js";

export interface RescheduleRequest {
  issueNumber: number;
  /** The occurrence as the schedule has it; it keeps its key wherever it moves. */
  scheduled: Occurrence;
  /** The new start, a UTC instant, as the commenter gave it in `zone`. */
  start: Date;
  zone: string;
}

/**
 * Moves one occurrence: its state records the new time, the issue's time table and title follow
 * (where people have not changed them). Refused, with a reason for the commenter, when another
 * occurrence was moved onto that date already or the meeting has started.
 */
export async function rescheduleMeeting(octokit: GitHub, meeting: Meeting, request: RescheduleRequest, log: Log): Promise<{ refused?: string }> {
  const { issueNumber, scheduled } = request;
  // 1. The meeting's issues: this one, and any other occurrence already moved to that date.
  const date = DateTime.fromJSDate(request.start).setZone(meeting.schedule.timezone).toISODate();
  const { all: issues } = await readMeetingIssues(octokit, meeting);
  const self = issues.find((issue) => issue.number === issueNumber);
  // Only a state the app signed counts: a person's issue with a copied marker moves nothing.
  const movedThere = issues.find((issue) => movedOnto(issue, meeting, scheduled, date));
  if (movedThere) return { refused: `The meeting of ${movedThere.parsed.marker?.occurrence} was moved to ${date} already (#${movedThere.number}).` };
  const state = self?.parsed.state;
  if (state?.frozen || state?.minutes) return { refused: "This meeting has started already; its time can no longer change." };

  // 2. The issue rendered at the old time and at the new one.
  const reschedule = { start: request.start.toISOString(), zone: request.zone };
  const before = occurrenceAsStated(meeting, scheduled, state);
  const after = occurrenceAsStated(meeting, scheduled, { ...(state ?? emptyState({ v: 1, meeting: meeting.id, occurrence: scheduled.key })), reschedule });
  const extras = state?.minutes?.url ? { minutesPullRequestUrl: state.minutes.url } : {};
  const render = await issueRenderer(octokit, meeting);
  const old = await render(before, extras);
  const moved = await render(after, extras);

  // 3. The state and the issue's lines move.
  await rewriteIssue(octokit, meeting, issueNumber, { before: old.issueBody, after: moved.issueBody, state: (latest) => ({ ...latest, reschedule }) }, log);

  // 4. The title follows unless someone retitled the issue.
  if (!meeting.dryRun && self?.title === old.title && old.title !== moved.title) {
    await retitleIssue(octokit, meeting.home, issueNumber, moved.title);
  }
  return {};
}

function movedOnto(issue: MeetingIssue, meeting: Meeting, scheduled: Occurrence, date: string | null): boolean {
  const marker = issue.parsed.marker;
  const reschedule = issue.parsed.state?.reschedule;
  if (!marker || marker.meeting !== meeting.id || marker.occurrence === scheduled.key || !reschedule) return false;
  return DateTime.fromISO(reschedule.start).setZone(meeting.schedule.timezone).toISODate() === date;
}

import { UserError } from "../../errors.js";
import type { GitHub } from "../../github.js";
import type { FollowUps, Meeting, Occurrence } from "../../model.js";
import { listsFollowUps } from "../../config/follow-ups-section.js";
import { readFollowUps } from "../../collect/read-follow-ups.js";
import { renderMinutesPath } from "../../render/render-minutes-path.js";
import type { LoadedSchedule } from "../../schedule/load-schedule.js";
import type { MeetingIssues } from "../../publish/list-meeting-issues.js";
import { occurrenceAsStated } from "../../publish/occurrence-as-stated.js";

/** How many occurrences cancelled by command in a row are passed over looking for the last one held: each costs a claim read. */
const MAX_CANCELLED_IN_A_ROW = 3;

/**
 * The follow-ups of the previous occurrence's minutes (the last one before this one that was not
 * cancelled), read from the home repo's default branch: one read, and none when the meeting's
 * layout has no section for them. Until those minutes are merged there are none: older minutes
 * are not searched, since the meeting without minutes may well have dealt with their action items.
 */
export async function previousFollowUps(octokit: GitHub, meeting: Meeting, previous: Occurrence): Promise<FollowUps | undefined> {
  if (!listsFollowUps(meeting)) return undefined;
  let path: string;
  try {
    path = renderMinutesPath(meeting, previous);
  } catch (error) {
    // The config check reports a `minutes.path` that gives no file; the agenda goes on without follow-ups.
    if (error instanceof UserError) return undefined;
    throw error;
  }
  return readFollowUps(octokit, meeting.home, path, previous.date);
}

/**
 * The live issue's follow-ups: those of the last occurrence before `occurrence` that took place, as
 * its issue states it: moved to another date (its minutes carry that date), or cancelled by
 * `/meeting cancel` (then the one before it counts).
 */
export async function followUpsBefore(octokit: GitHub, meeting: Meeting, schedule: LoadedSchedule, issues: MeetingIssues, occurrence: Occurrence): Promise<FollowUps | undefined> {
  if (!listsFollowUps(meeting)) return undefined;
  const held = await previousHeld(meeting, schedule, issues, occurrence);
  return held && previousFollowUps(octokit, meeting, held);
}

async function previousHeld(meeting: Meeting, schedule: LoadedSchedule, issues: MeetingIssues, occurrence: Occurrence): Promise<Occurrence | undefined> {
  let previous = schedule.previous(occurrence);
  for (let tries = 0; previous && tries < MAX_CANCELLED_IN_A_ROW; tries++) {
    const stated = occurrenceAsStated(meeting, previous, (await issues.claimed(previous.key))?.parsed.state);
    if (!stated.cancelled) return stated;
    previous = schedule.previous(previous);
  }
  return undefined;
}

import { UserError } from "../../errors.js";
import type { GitHub } from "../../github.js";
import type { FollowUps, Meeting, Occurrence } from "../../model.js";
import { listsFollowUps } from "../../config/follow-ups-section.js";
import { readFollowUps } from "../../collect/read-follow-ups.js";
import { renderMinutesPath } from "../../render/render-minutes-path.js";

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

import type { RepoRef } from "../github.js";
import type { Meeting } from "../model.js";

/** The meeting of this id that this repository declares: ids are unique only within a home repo. */
export function findMeeting(meetings: Meeting[], home: RepoRef, meetingId: string): Meeting | undefined {
  return meetings.find((meeting) => meeting.id === meetingId && isHomeOf(meeting, `${home.owner}/${home.repo}`));
}

/** Whether the meeting is declared in the repository `owner/name` (GitHub's names are case-insensitive). */
export function isHomeOf(meeting: Meeting, repo: string): boolean {
  return `${meeting.home.owner}/${meeting.home.repo}`.toLowerCase() === repo.toLowerCase();
}

import type { RepoRef } from "../github.js";
import type { Meeting } from "../model.js";
import { isHomeOf } from "../collect/in-scope.js";

/** The meeting of this id that this repository declares: ids are unique only within a home repo. */
export function findMeeting(meetings: Meeting[], home: RepoRef, meetingId: string): Meeting | undefined {
  return meetings.find((meeting) => meeting.id === meetingId && isHomeOf(meeting, `${home.owner}/${home.repo}`));
}

import type { GitHub } from "../github.js";
import type { Log } from "../log.js";
import type { Attendee, Meeting, Occurrence } from "../model.js";
import { addAttendeesToMinutes } from "../publish/minutes/add-attendees.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { updateIssueState } from "../publish/update-issue-state.js";
import { openMinutes } from "./open-minutes.js";

const MOST_ATTENDEES = 200;

/**
 * Records people as present: in the issue's state, and once the minutes pull request is open, in
 * its file too: the app's own file is drafted again with everyone recorded; a file people have
 * edited gets the lines added to its Present section.
 */
export async function recordAttendees(
  octokit: GitHub,
  meeting: Meeting,
  issue: { issueNumber: number; scheduled: Occurrence },
  people: Attendee[],
  log: Log,
): Promise<void> {
  const { issueNumber, scheduled } = issue;
  // 1. The state records whoever it does not list yet.
  let minutes: { state: "open" | "closed" } | undefined;
  let occurrence = scheduled;
  let added: Attendee[] = [];
  await updateIssueState(
    octokit,
    meeting.home,
    issueNumber,
    (latest) => {
      minutes = latest.minutes;
      occurrence = occurrenceAsStated(meeting, scheduled, latest);
      const recorded = latest.attendees ?? [];
      const known = new Set(recorded.map((person) => person.login.toLowerCase()));
      // A meeting has at most so many people: more is someone filling the state, not attendance.
      added = people.filter((person) => !known.has(person.login.toLowerCase())).slice(0, Math.max(0, MOST_ATTENDEES - recorded.length));
      return { state: added.length === 0 ? undefined : { ...latest, attendees: [...recorded, ...added] } };
    },
    { dryRun: meeting.dryRun, log },
  );
  // Nobody new: the minutes already say all there is to say.
  if (minutes?.state !== "open" || added.length === 0) return;
  // 2. The minutes follow: drafted again while they are the app's, else the lines added.
  const outcome = await openMinutes(octokit, meeting, issueNumber, scheduled, log);
  if ((outcome.kind === "open" || outcome.kind === "opened") && outcome.file === "person-pushed") {
    await addAttendeesToMinutes(octokit, meeting, occurrence, added);
  }
}

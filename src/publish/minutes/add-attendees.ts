import type { GitHub } from "../../github.js";
import type { Attendee, Meeting, Occurrence } from "../../model.js";
import { minutesBranchName } from "./minutes-pull-request-text.js";
import { buildMeetingView } from "../../render/meeting-view.js";
import { renderMinutesPath } from "../../render/render-minutes-path.js";

/**
 * Adds people to the Present section of a minutes file that people have edited (so the app no
 * longer drafts it): the lines go after the section's list, the rest of the file stays as it is.
 * The write names the blob it read, so a push in between makes it fail rather than be lost.
 */
export async function addAttendeesToMinutes(octokit: GitHub, meeting: Meeting, occurrence: Occurrence, people: Attendee[]): Promise<void> {
  const branch = minutesBranchName(meeting, occurrence);
  const path = renderMinutesPath(meeting, occurrence);
  const { data } = await octokit.rest.repos.getContent({ ...meeting.home, path, ref: branch });
  if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return;
  const text = Buffer.from(data.content, "base64").toString("utf8");
  const updated = withAttendees(text, meeting, occurrence, people);
  if (updated === text) return;
  await octokit.rest.repos.createOrUpdateFileContents({
    ...meeting.home,
    path,
    branch,
    sha: data.sha,
    message: `Minutes: record ${people.length === 1 ? "an attendee" : "attendees"}`,
    content: Buffer.from(updated, "utf8").toString("base64"),
  });
}

/** The file with a `* Full Name (@login)` line for each person not listed yet under `## Present`. */
export function withAttendees(text: string, meeting: Meeting, occurrence: Occurrence, people: Attendee[]): string {
  const lines = text.split("\n");
  const heading = lines.findIndex((line) => /^#{1,6}\s+Present\s*$/i.test(line));
  if (heading === -1) return text;
  let end = heading + 1;
  while (end < lines.length && !/^#{1,6}\s/.test(lines[end] ?? "")) end++;
  // Entries are written with a zero-width space after the `@`, so that they ping nobody.
  const section = lines.slice(heading + 1, end).join("\n").replaceAll("\u200B", "").toLowerCase();
  const view = buildMeetingView({ agenda: { meeting, occurrence, groups: [], searchUrls: [] }, title: "", attendees: people, markItems: false });
  const added = view.attendees.filter((person) => !section.includes(`@${person.login.toLowerCase()}`)).map((person) => `* ${person.text}`);
  if (added.length === 0) return text;
  let at = end;
  while (at > heading + 1 && (lines[at - 1] ?? "").trim() === "") at--;
  const blankAfter = at === end ? [""] : [];
  return [...lines.slice(0, at), ...(at === heading + 1 ? [""] : []), ...added, ...blankAfter, ...lines.slice(at)].join("\n");
}

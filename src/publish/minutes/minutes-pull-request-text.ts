import type { Meeting, Occurrence } from "../../model.js";
import { cutTitle } from "../../render/cut-title.js";
import { escapeMarkdown } from "../../render/escape-markdown.js";
import { inertText } from "../../render/inert-text.js";

/**
 * The trailer that marks the app's own commits on a minutes branch. It names the blob the commit
 * wrote: the app rewrites the file only while the branch head carries it and the file is still
 * that blob, so a person's amend or push is never overwritten.
 */
export const MINUTES_TRAILER = "Agenda-Drafter-Minutes";

export interface MinutesPullRequestText {
  title: string;
  body: string;
}

/** `agenda-drafter/<meeting>/<date>`: the meeting id and the date are both `[a-z0-9-]`. */
export function minutesBranchName(meeting: Meeting, occurrence: Occurrence): string {
  const branch = `agenda-drafter/${meeting.id}/${occurrence.date}`;
  if (!/^agenda-drafter\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}$/.test(branch)) {
    throw new Error(`"${branch}" is not a minutes branch name: the meeting id or the date is malformed.`);
  }
  return branch;
}

/**
 * The pull request's title and body. Only the meeting's name comes from people, made inert; no
 * item title is quoted, and the meeting issue is linked by its URL, which no keyword precedes.
 * The title is cut to GitHub's 256 characters.
 */
export function minutesPullRequestText(meeting: Meeting, occurrence: Occurrence, issueUrl: string, path: string): MinutesPullRequestText {
  return {
    title: cutTitle(`Minutes: ${inertText(meeting.name)} ${occurrence.date}`),
    body: [
      `Minutes of the ${escapeMarkdown(meeting.name)} meeting of ${occurrence.date}, drafted from its agenda as it stood when the meeting started.`,
      "",
      `Meeting issue: ${issueUrl}`,
      "",
      `Fill in \`${path.replace(/`/g, "")}\` on this branch, then merge. agenda-drafter rewrites the file only while the branch's last commit is its own; once someone pushes to the branch, it leaves the branch alone.`,
      "",
    ].join("\n"),
  };
}

/** The commit message of the app's minutes commit, with the trailer naming the blob it wrote. */
export function minutesCommitMessage(meeting: Meeting, occurrence: Occurrence, blobSha: string): string {
  return `Minutes: ${inertText(meeting.name)} ${occurrence.date}\n\n${MINUTES_TRAILER}: ${meeting.id} ${occurrence.date} ${blobSha}\n`;
}

/** The blob an app commit's trailer names for this meeting and date; undefined for anyone else's commit. */
export function trailerBlobSha(message: string, meeting: Meeting, occurrence: Occurrence): string | undefined {
  const prefix = `${MINUTES_TRAILER}: ${meeting.id} ${occurrence.date} `;
  const line = message.split("\n").find((candidate) => candidate.startsWith(prefix));
  const sha = line?.slice(prefix.length).trim();
  return sha && /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
}

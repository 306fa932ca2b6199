import type { GitHub } from "../github.js";
import type { Meeting, Occurrence } from "../model.js";
import type { MeetingActions } from "./meeting-actions.js";

/** Everything a command may use while it runs: one comment on one meeting issue. */
export interface CommandContext {
  octokit: GitHub;
  meeting: Meeting;
  /** The occurrence whose meeting issue the comment is on. */
  occurrence: Occurrence;
  issue: { owner: string; repo: string; number: number };
  /** Who wrote the comment. */
  commenter: string;
  actions: MeetingActions;
  /** The host of GitHub's web pages, as the meeting issue's URL shows it; by default derived from the API's URL. */
  webHost?: string;
  /** The calendar feed's text, for a meeting whose schedule is a calendar. */
  calendarText?: string;
  now: Date;
}

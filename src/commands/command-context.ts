import type { Meeting, Occurrence } from "../model.js";
import type { CommandGitHub } from "../operations/command-github.js";
import type { MeetingActions } from "../operations/meeting-actions.js";
import type { LoadedSchedule } from "../schedule/load-schedule.js";

/** Everything a command may use while it runs: one comment on one meeting issue. */
export interface CommandContext {
  meeting: Meeting;
  /** The occurrence whose meeting issue the comment is on. */
  occurrence: Occurrence;
  issue: { owner: string; repo: string; number: number };
  /** Who wrote the comment. */
  commenter: string;
  /** What a command may ask of the meeting. */
  actions: MeetingActions;
  /** What a command may read and change on GitHub besides: items, people, replies. */
  github: CommandGitHub;
  /** The host of GitHub's web pages, as the meeting issue's URL shows it. */
  webHost: string;
  /** The meeting's schedule, loaded. */
  schedule: LoadedSchedule;
  now: Date;
}

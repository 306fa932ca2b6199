import type { GitHub } from "../../github.js";
import type { Log } from "../../log.js";
import type { Meeting } from "../../model.js";
import type { MeetingState } from "../../publish/meeting-state.js";
import { replaceWrittenLines } from "../../publish/replace-written-lines.js";
import { updateIssueState } from "../../publish/update-issue-state.js";
import type { WriteOutcome } from "../../publish/write-agenda.js";

export interface IssueRewrite {
  /** The issue body as the app rendered it before the change, and as it renders it after. */
  before: string;
  after: string;
  /** The new state, from the issue's state as it is now; undefined leaves the issue as it is. */
  state(latest: MeetingState): MeetingState | undefined;
}

/**
 * Changes a meeting issue's state and brings the lines the app rendered (time table, links,
 * banners) from `before` to `after`, where people have left them as the app wrote them.
 */
export function rewriteIssue(octokit: GitHub, meeting: Meeting, issueNumber: number, rewrite: IssueRewrite, log: Log): Promise<WriteOutcome> {
  return updateIssueState(
    octokit,
    meeting.home,
    issueNumber,
    (latest, _parsed, body) => {
      const state = rewrite.state(latest);
      return state === undefined ? { state } : { state, base: replaceWrittenLines(body, rewrite.before, rewrite.after) };
    },
    { dryRun: meeting.dryRun, log },
  );
}

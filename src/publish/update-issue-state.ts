import { MAX_BODY_LENGTH, type GitHub, type RepoRef } from "../github.js";
import { fewestHidden } from "../render/cut-agenda.js";
import { hashText, parseBody, type ParsedBody } from "./issue-body.js";
import { emptyState, type MeetingState } from "./meeting-state.js";
import { stateSeal } from "./state-signer.js";
import { BodyTooLongError, composeBody, type WriteOptions, type WriteOutcome } from "./write-agenda.js";

export interface IssueChange {
  /** The new state; undefined leaves the issue as it is. */
  state: MeetingState | undefined;
  /** The body to splice the app's parts into, when the change also rewrites lines the app wrote. */
  base?: string;
  /**
   * A smaller state with `hidden` of `items` left out, for a body that would not fit GitHub's
   * limit otherwise (the frozen agenda is a second copy of the agenda): the fewest are left out.
   */
  shrink?: { items: number; state(hidden: number): MeetingState };
}

/** The issue is not a meeting issue the app can read (its marker is gone). */
export class NotAMeetingIssueError extends Error {
  override name = "NotAMeetingIssueError";
}

/**
 * Changes the app's state in a meeting issue without touching its agenda block or people's text:
 * the body is read immediately before the write (GitHub has no conditional update) and `change`
 * sees it as it is now.
 */
export async function updateIssueState(
  octokit: GitHub,
  home: RepoRef,
  issueNumber: number,
  change: (state: MeetingState, parsed: ParsedBody, body: string) => IssueChange,
  options: WriteOptions,
): Promise<WriteOutcome> {
  const { data: issue } = await octokit.rest.issues.get({ ...home, issue_number: issueNumber });
  const current = issue.body ?? "";
  const seal = stateSeal(octokit, home, issueNumber);
  const parsed = parseBody(current, seal);
  if (!parsed.marker) {
    throw new NotAMeetingIssueError(`${home.owner}/${home.repo}#${issueNumber} has no agenda-drafter marker to update.`);
  }
  // A state that does not verify is no record of the app's: the change starts from a fresh one.
  const { state, base, shrink } = change(parsed.state ?? emptyState(parsed.marker), parsed, current);
  if (state === undefined) return "unchanged";
  const marker = parsed.marker;
  const compose = (next: MeetingState) =>
    composeBody(base ?? current, next, { marker, agendaMarkdown: parsed.agenda ?? "", agendaItems: next.agendaItems, facts: next.facts }, next.facts, hashText(current), seal);
  let next = compose(state);
  if (next.length > MAX_BODY_LENGTH) {
    const hidden = shrink && fewestHidden(shrink.items, (count) => compose(shrink.state(count)).length <= MAX_BODY_LENGTH);
    if (!shrink || hidden === undefined) {
      throw new BodyTooLongError(`The state of ${home.owner}/${home.repo}#${issueNumber} would make its body ${next.length} characters, more than GitHub's ${MAX_BODY_LENGTH}.`);
    }
    next = compose(shrink.state(hidden));
  }
  if (next === current) return "unchanged";
  if (options.dryRun) {
    options.log.info(`dry run: would update the state of ${home.owner}/${home.repo}#${issueNumber} to:\n${next}`);
    return "dry-run";
  }
  await octokit.rest.issues.update({ ...home, issue_number: issueNumber, body: next });
  return "written";
}

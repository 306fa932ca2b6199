import type { GitHub, RepoRef } from "../github.js";
import { hashText, parseBody, type ParsedBody } from "./issue-body.js";
import { emptyState, type MeetingState } from "./meeting-state.js";
import { stateSeal } from "./state-signer.js";
import { composeBody, type WriteOptions, type WriteOutcome } from "./write-agenda.js";

export interface IssueChange {
  /** The new state; undefined leaves the issue as it is. */
  state: MeetingState | undefined;
  /** The body to splice the app's parts into, when the change also rewrites lines the app wrote. */
  base?: string;
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
  const { state, base } = change(parsed.state ?? emptyState(parsed.marker), parsed, current);
  if (state === undefined) return "unchanged";
  const next = composeBody(
    base ?? current,
    state,
    { marker: parsed.marker, agendaMarkdown: parsed.agenda ?? "", agendaItems: state.agendaItems, facts: state.facts },
    state.facts,
    hashText(current),
    seal,
  );
  if (next === current) return "unchanged";
  if (options.dryRun) {
    options.log.info(`dry run: would update the state of ${home.owner}/${home.repo}#${issueNumber} to:\n${next}`);
    return "dry-run";
  }
  await octokit.rest.issues.update({ ...home, issue_number: issueNumber, body: next });
  return "written";
}

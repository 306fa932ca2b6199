import type { GitHub, RepoRef } from "../github.js";
import { hashText, hashWithoutState, parseBody } from "./issue-body.js";
import { stateSeal } from "./state-signer.js";
import { composeBody, type WriteOptions, type WriteOutcome } from "./write-agenda.js";

export interface BodyEdit {
  issueNumber: number;
  /** `changes.body.from` of the `issues.edited` webhook: the body just before the edit. */
  from: string;
  /** `issue.body` of the webhook: the body the edit wrote. */
  to: string;
}

export type RestoreOutcome = WriteOutcome | "not-overwritten" | "edited-since";

/**
 * GitHub's update has no conditional write: a person's edit that lands between the app's read and
 * its write is overwritten. The webhook of the app's write shows it: its `from` is not the body the
 * app based the write on. Then the person's text (everything outside the app's parts of `from`) is
 * put back around the app's parts, unless someone edited the issue again since.
 */
export async function restoreOverwrittenEdit(
  octokit: GitHub,
  home: RepoRef,
  edit: BodyEdit,
  options: WriteOptions,
): Promise<RestoreOutcome> {
  const seal = stateSeal(octokit, home, edit.issueNumber);
  const written = parseBody(edit.to, seal);
  const state = written.state;
  const byApp = state?.writtenHash !== undefined && hashWithoutState(edit.to) === state.writtenHash;
  if (!state || !written.marker || !byApp || state.baseHash === undefined || hashText(edit.from) === state.baseHash) {
    return "not-overwritten";
  }

  const { data: issue } = await octokit.rest.issues.get({ ...home, issue_number: edit.issueNumber });
  const current = issue.body ?? "";
  if (hashWithoutState(current) !== state.writtenHash) return "edited-since";

  const restored = composeBody(
    edit.from,
    state,
    {
      marker: written.marker,
      agendaMarkdown: written.agenda ?? "",
      agendaItems: state.agendaItems,
      facts: state.facts,
    },
    state.facts,
    hashText(current),
    seal,
  );
  if (options.dryRun) {
    options.log.info(`dry run: would restore a person's edit of ${home.owner}/${home.repo}#${edit.issueNumber}`);
    return "dry-run";
  }
  await octokit.rest.issues.update({ ...home, issue_number: edit.issueNumber, body: restored });
  return "written";
}

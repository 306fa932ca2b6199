import type { GitHub } from "../github.js";
import type { Meeting, OccurrenceIssue } from "../model.js";
import { parseBody } from "../publish/issue-body.js";
import { stateSeal } from "../publish/state-signer.js";
import { updateIssueState } from "../publish/update-issue-state.js";
import type { WriteOutcome } from "../publish/write-agenda.js";
import { agendaAsWritten, writtenAgendaItems } from "./steps/agenda-as-written.js";
import type { Log } from "../log.js";
import { countItems, cutAgenda } from "../render/cut-agenda.js";
import { recordInvitedTeams } from "../publish/invited-record.js";

/**
 * Records in the issue's state the agenda as the issue shows it, the items the app last wrote
 * there, in full: from the meeting's start no refresh changes the agenda block, so whenever the
 * tick gets here the items are those of the start. Their details are read once, now, and kept, so
 * the minutes are drafted from them however the items change later. So are the invited teams'
 * members, as the issue lists them (bounded: recordInvitedTeams), however the teams change later.
 */
export async function freezeAgenda(
  octokit: GitHub,
  meeting: Meeting,
  issue: OccurrenceIssue,
  context: { now: Date; log: Log },
): Promise<WriteOutcome> {
  const { data: current } = await octokit.rest.issues.get({ ...meeting.home, issue_number: issue.issueNumber });
  const state = parseBody(current.body, stateSeal(octokit, meeting.home, issue.issueNumber)).state;
  if (state?.frozen) return "unchanged";
  const items = await writtenAgendaItems(octokit, meeting, issue.occurrence, state);
  const { invitedTeams: teamsNow = [], ...written } = await agendaAsWritten(octokit, meeting, issue.occurrence, items);
  const invitedTeams = recordInvitedTeams(teamsNow);
  const frozen = { at: context.now.toISOString(), ...written, ...(invitedTeams.length > 0 && { invitedTeams }) };
  // A second copy of a long agenda may not fit the body: the copy loses the oldest items of the longest lists, and says how many.
  const cutTo = (hidden: number) => {
    const cut = cutAgenda({ meeting, occurrence: issue.occurrence, ...written }, hidden);
    return { ...frozen, groups: cut.groups, ...(cut.hiddenItems && { hiddenItems: cut.hiddenItems }) };
  };
  return updateIssueState(
    octokit,
    meeting.home,
    issue.issueNumber,
    (latest) =>
      latest.frozen
        ? { state: undefined }
        : { state: { ...latest, frozen }, shrink: { items: countItems(written), state: (hidden) => ({ ...latest, frozen: cutTo(hidden) }) } },
    { dryRun: meeting.dryRun, log: context.log },
  );
}

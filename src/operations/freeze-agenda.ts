import type { GitHub } from "../github.js";
import type { Agenda, AgendaItem, Meeting, Occurrence } from "../model.js";
import { buildAgenda } from "../agenda/build-agenda.js";
import { buildSearchQueries } from "../collect/build-search-queries.js";
import { searchUrl } from "../collect/search-url.js";
import { parseBody } from "../publish/issue-body.js";
import { updateIssueState } from "../publish/update-issue-state.js";
import type { WriteOutcome } from "../publish/write-agenda.js";
import type { OccurrenceIssue } from "../scheduler/tick-meeting.js";
import { parseItemKey, readItem } from "../collect/read-item.js";
import type { Log } from "../log.js";

/**
 * Records in the issue's state the agenda as the issue shows it, the items the app last wrote
 * there, in full: from the meeting's start no refresh changes the agenda block, so whenever the
 * tick gets here the items are those of the start. Their details are read once, now, and kept, so
 * the minutes are drafted from them however the items change later.
 */
export async function freezeAgenda(
  octokit: GitHub,
  meeting: Meeting,
  issue: OccurrenceIssue,
  context: { now: Date; log: Log },
): Promise<WriteOutcome> {
  const { data: current } = await octokit.rest.issues.get({ ...meeting.home, issue_number: issue.issueNumber });
  const state = parseBody(current.body).state;
  if (state?.frozen) return "unchanged";
  const frozen = { at: context.now.toISOString(), ...(await agendaAsWritten(octokit, meeting, issue.occurrence, state?.agendaItems ?? [])) };
  return updateIssueState(
    octokit,
    meeting.home,
    issue.issueNumber,
    (latest) => ({ state: latest.frozen ? undefined : { ...latest, frozen } }),
    { dryRun: meeting.dryRun, log: context.log },
  );
}

/** The agenda the app last wrote into the issue (`agendaItems`), with the items' details as they are now. */
export async function agendaAsWritten(
  octokit: GitHub,
  meeting: Meeting,
  occurrence: Occurrence,
  agendaItems: string[],
): Promise<Pick<Agenda, "groups" | "searchUrls">> {
  const agenda = buildAgenda(meeting, occurrence, await readItems(octokit, agendaItems));
  const { data: home } = await octokit.rest.repos.get({ ...meeting.home });
  return { groups: agenda.groups, searchUrls: buildSearchQueries(meeting, { private: home.private }).map((query) => searchUrl(query.q)) };
}

/** The items by `owner/name#number`, as they are now; one that was deleted since is left out. */
async function readItems(octokit: GitHub, keys: string[]): Promise<AgendaItem[]> {
  const items: AgendaItem[] = [];
  for (const key of keys) {
    const read = await readItem(octokit, parseItemKey(key));
    if (read) items.push(read.item);
  }
  return items;
}

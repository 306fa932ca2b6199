import type { GitHub } from "../../github.js";
import type { AgendaItem, FollowUps, Meeting, Occurrence } from "../../model.js";
import { collectAgendaItems, type CollectedItems } from "../../collect/collect-agenda-items.js";
import { draftFromItems } from "../../render/draft-from-items.js";
import type { LabelFact } from "../../collect/label-fact.js";
import type { OccurrenceDraft } from "../../publish/publish-occurrence.js";
import { checkFacts } from "../../collect/check-facts.js";
import { itemKey } from "../../collect/item-key.js";
import { reconcileFacts } from "../../collect/label-facts.js";
import { parseItemKey } from "../../collect/read-item.js";
import { reportUnreachableScope } from "./report-unreachable-scope.js";
import { reportProjectProblem } from "./report-project-problem.js";
import { hiddenByFacts, type RepoFact } from "../../collect/repo-facts.js";
import { withShownProposals } from "./shown-proposals.js";
import { readInvitedTeams } from "../../collect/read-invited-teams.js";
import { pingLine } from "../../render/ping-line.js";

export interface LiveAgendaInput {
  meeting: Meeting;
  occurrence: Occurrence;
  /** Webhook facts: those kept in the issue merged with the new ones. */
  facts: LabelFact[];
  /** Repositories webhooks said were made private: those kept in the issue merged with the new ones. */
  repoFacts: RepoFact[];
  /** `owner/name#number` of the previous occurrence's agenda, when its issue is known: the others are marked new. */
  previousItems?: string[];
  /** What the previous occurrence's merged minutes left to do (previousFollowUps). */
  followUps?: FollowUps;
}

/**
 * Drafts the live agenda of a meeting already loaded: the draft step's pipeline (collect, agenda,
 * render) with what webhooks said laid over search, which lags behind labels, once the items as
 * they are now bear it out.
 */
export async function draftLiveAgenda(octokit: GitHub, input: LiveAgendaInput): Promise<OccurrenceDraft & { home: { private: boolean } }> {
  const { meeting } = input;
  const collected = await collectAgendaItems(octokit, meeting);
  if (collected.unreachableRepos.length > 0) await reportUnreachableScope(octokit, meeting, collected.unreachableRepos);
  if (collected.project && (!collected.project.found || collected.project.privateBoard)) await reportProjectProblem(octokit, meeting);
  // Search may still show a repository made private as public: what its webhook said wins.
  const hidden = hiddenByFacts(meeting, collected.home, input.repoFacts);
  // A board is the agenda instead of the labels, read as it is now: what webhooks said of labels does not count.
  const { items, facts } = meeting.sources?.project
    ? { items: collected.items, facts: [] }
    : await withLabelFacts(octokit, meeting, collected, input.facts);
  const shown = items.filter((item) => !hidden(item));
  const occurrence = await withShownProposals(octokit, meeting, input.occurrence, { home: collected.home, hidden });

  const previous = input.previousItems?.map(parseItemKey);
  const invited = await readInvitedTeams(octokit, meeting, collected.home);
  if (invited.unreadable.length > 0) await reportUnreachableScope(octokit, meeting, invited.unreadable);
  const { agenda, rendered } = await draftFromItems(octokit, meeting, occurrence, shown, {
    searchUrls: collected.searchUrls,
    truncated: collected.truncated,
    discussionsUnread: collected.discussionsUnread === true,
    invitedTeams: invited.teams,
    ...(previous && { previous }),
    ...(input.followUps && { followUps: input.followUps }),
  });

  return {
    meeting,
    occurrence,
    home: collected.home,
    title: rendered.title,
    issueBody: rendered.issueBody,
    ...(pingLine(meeting) !== undefined && { ping: pingLine(meeting)! }),
    content: {
      marker: { v: 1, meeting: meeting.id, occurrence: occurrence.key },
      agendaMarkdown: rendered.agendaMarkdown,
      agendaItems: agenda.groups.flatMap((group) => group.items.map((item) => `${item.repo}#${item.number}`)),
      facts: facts.filter((fact) => !hidden(fact)),
      repoFacts: input.repoFacts,
      cut: rendered.agendaCut,
    },
  };
}

/**
 * Search's items with what webhooks said of labels laid over them: only the facts search does not
 * agree with are read, each item once; those the read refutes go.
 */
async function withLabelFacts(octokit: GitHub, meeting: Meeting, collected: CollectedItems, given: LabelFact[]): Promise<{ items: AgendaItem[]; facts: LabelFact[] }> {
  const disputed = reconcileFacts(meeting, collected.items, given).pending;
  const checked = await checkFacts(octokit, meeting, collected.home, disputed);
  const reconciled = reconcileFacts(meeting, collected.items, checked.facts);
  const missing = new Set(reconciled.missing.map(itemKey));
  return { items: [...reconciled.items, ...checked.items.filter((item) => missing.has(itemKey(item)))], facts: reconciled.pending };
}

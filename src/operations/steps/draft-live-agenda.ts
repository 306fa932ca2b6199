import type { GitHub } from "../../github.js";
import type { Meeting, Occurrence } from "../../model.js";
import { collectAgendaItems } from "../../collect/collect-agenda-items.js";
import { draftFromItems } from "../../render/draft-from-items.js";
import type { LabelFact } from "../../collect/label-fact.js";
import type { OccurrenceDraft } from "../../publish/publish-occurrence.js";
import { fetchLabelledItems } from "../../collect/fetch-labelled-items.js";
import { itemKey } from "../../collect/item-key.js";
import { reconcileFacts } from "../../collect/label-facts.js";
import { parseItemKey } from "../../collect/read-item.js";
import { hiddenByFacts, type RepoFact } from "../../collect/repo-facts.js";

export interface LiveAgendaInput {
  meeting: Meeting;
  occurrence: Occurrence;
  /** Webhook facts: those kept in the issue merged with the new ones. */
  facts: LabelFact[];
  /** Repositories webhooks said were made private: those kept in the issue merged with the new ones. */
  repoFacts: RepoFact[];
  /** `owner/name#number` of the previous occurrence's agenda, when its issue is known: the others are marked new. */
  previousItems?: string[];
}

/**
 * Drafts the live agenda of a meeting already loaded: the draft step's pipeline (collect, agenda,
 * render) with what webhooks said laid over search, which lags behind labels.
 */
export async function draftLiveAgenda(octokit: GitHub, input: LiveAgendaInput): Promise<OccurrenceDraft> {
  const { meeting, occurrence } = input;
  const collected = await collectAgendaItems(octokit, meeting);
  const reconciled = reconcileFacts(meeting, collected.items, input.facts);
  const fetched = await fetchLabelledItems(octokit, meeting, collected.home, reconciled.missing);
  // Search may still show a repository made private as public: what its webhook said wins.
  const hidden = hiddenByFacts(meeting, collected.home, input.repoFacts);
  const facts = reconciled.pending.filter((fact) => !(fact.present && fetched.refuted.has(itemKey(fact))) && !hidden(fact));
  const items = [...reconciled.items, ...fetched.items].filter((item) => !hidden(item));

  const previous = input.previousItems?.map(parseItemKey);
  const { agenda, rendered } = await draftFromItems(octokit, meeting, occurrence, items, {
    searchUrls: collected.searchUrls,
    truncated: collected.truncated,
    ...(previous && { previous }),
  });

  return {
    meeting,
    occurrence,
    title: rendered.title,
    issueBody: rendered.issueBody,
    content: {
      marker: { v: 1, meeting: meeting.id, occurrence: occurrence.key },
      agendaMarkdown: rendered.agendaMarkdown,
      agendaItems: agenda.groups.flatMap((group) => group.items.map((item) => `${item.repo}#${item.number}`)),
      facts,
      repoFacts: input.repoFacts,
      cut: rendered.agendaCut,
    },
  };
}

import type { GitHub } from "../github.js";
import type { AgendaItem, Meeting } from "../model.js";
import type { LabelFact } from "./label-fact.js";
import { inCategories } from "./collect-discussions.js";
import { isAgendaLabel } from "./is-agenda-label.js";
import { itemKey } from "./item-key.js";
import { sameLabel } from "./label-facts.js";
import { readVisibleItems } from "./read-visible-items.js";

export interface CheckedFacts {
  /** The facts the items as they are now bear out: search lags behind them. */
  facts: LabelFact[];
  /** The items read that are open, bear an agenda label and may be shown in the meeting's home repo. */
  items: AgendaItem[];
}

/**
 * A webhook fact is a hint of what to check, not the truth: webhooks arrive late, twice and out
 * of order, and a stale `unlabeled` would otherwise hide an item labelled again since. Each item
 * that `facts` (those search does not agree with) name is read once, through GraphQL's
 * repositories (several at once) or the REST API, neither of which lags, and through the visibility rule; a fact the read contradicts is dropped, and so is
 * one about an item that moved since (it is no longer where the webhook said) or that the meeting
 * may not show.
 */
export async function checkFacts(octokit: GitHub, meeting: Meeting, home: { private: boolean }, facts: LabelFact[]): Promise<CheckedFacts> {
  const wanted = new Map(facts.map((fact) => [itemKey(fact), { repo: fact.repo as AgendaItem["repo"], number: fact.number, ...(fact.discussion && { discussion: true as const }) }]));
  // A storm of events under search lag names many items: they are read 100 a GraphQL query.
  const read = await readVisibleItems(octokit, meeting, home, [...wanted.values()], { batched: wanted.size > 1 });
  // A discussion moved out of the meeting's categories is off its agenda, labelled or not.
  const readable = read.items.filter(({ item, category }) => item.kind !== "discussion" || (meeting.sources?.discussions && inCategories(meeting.sources.discussions, category)));
  // By the key the fact names; a moved item's labels are not its old location's.
  const labelsNow = new Map(readable.filter(({ item, asked }) => asked === itemKey(item)).map(({ item, open }) => [itemKey(item), open ? item.labels : []]));
  const gone = new Set([...read.hidden, ...read.items.filter((entry) => !readable.includes(entry) || entry.asked !== itemKey(entry.item)).map(({ asked }) => asked)]);
  return {
    facts: facts.filter((fact) => !gone.has(itemKey(fact)) && fact.present === sameLabel(fact.label, labelsNow.get(itemKey(fact)) ?? [])),
    items: readable.filter(({ item, open }) => open && item.labels.some((label) => isAgendaLabel(meeting, label))).map(({ item }) => item),
  };
}

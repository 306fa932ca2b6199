import type { AgendaItem, Meeting, RepoFullName } from "../model.js";
import { FACT_MAX_AGE_MS, type LabelFact } from "./label-fact.js";
import { inScope } from "./in-scope.js";
import { isAgendaLabel } from "./is-agenda-label.js";
import { itemKey } from "./item-key.js";

/** An issue, pull request or discussion as a webhook shows it after the change it reports. */
export interface ItemChange {
  repo: RepoFullName;
  number: number;
  discussion?: true;
  /** The labels it bears now. */
  labels: string[];
  /** The label an `unlabeled` event removed. */
  lostLabel?: string;
  /** False once closed, deleted or transferred away. */
  open: boolean;
  /** When the change happened. */
  at: string;
}

/** Whether a change concerns a meeting: the item is in its scope and bears, or just lost, one of its agenda labels. */
export function concernsMeeting(meeting: Meeting, change: ItemChange): boolean {
  return inScope(meeting, change.repo) && agendaLabelsOf(meeting, change).length > 0;
}

/** What a change says about the meeting's agenda labels on the item, for the time search lags behind. */
export function factsOf(meeting: Meeting, change: ItemChange): LabelFact[] {
  return agendaLabelsOf(meeting, change).map((label) => ({
    repo: change.repo,
    number: change.number,
    ...(change.discussion && { discussion: true as const }),
    label,
    present: change.open && sameLabel(label, change.labels),
    at: change.at,
  }));
}

/** Facts of both lists, the latest per item and label, without those older than a day. */
export function mergeFacts(existing: LabelFact[], incoming: LabelFact[], now: Date): LabelFact[] {
  const latest = new Map<string, LabelFact>();
  for (const fact of [...existing, ...incoming]) {
    if (now.getTime() - Date.parse(fact.at) > FACT_MAX_AGE_MS) continue;
    const key = factKey(fact);
    const known = latest.get(key);
    if (!known || known.at <= fact.at) latest.set(key, fact);
  }
  return [...latest.values()];
}

export interface Reconciled {
  /** Search's items, without those whose agenda labels a webhook says are gone. */
  items: AgendaItem[];
  /** Facts search does not agree with yet. */
  pending: LabelFact[];
  /** Items a webhook labelled that search does not return yet. */
  missing: { repo: RepoFullName; number: number }[];
}

/** Lays the webhook facts over what search returned; the facts search agrees with are done. */
export function reconcileFacts(meeting: Meeting, searched: AgendaItem[], facts: LabelFact[]): Reconciled {
  const byItem = new Map(searched.map((item) => [itemKey(item), item]));
  const removedLabels = new Map<string, string[]>();
  const pending: LabelFact[] = [];
  const missing = new Map<string, { repo: RepoFullName; number: number }>();
  for (const fact of facts) {
    const key = itemKey(fact);
    const item = byItem.get(key);
    const searchShows = item !== undefined && sameLabel(fact.label, item.labels);
    if (fact.present === searchShows) continue;
    pending.push(fact);
    if (fact.present) missing.set(key, { repo: fact.repo as RepoFullName, number: fact.number });
    else removedLabels.set(key, [...(removedLabels.get(key) ?? []), fact.label]);
  }
  const items = searched.filter((item) => {
    const removed = removedLabels.get(itemKey(item)) ?? [];
    return item.labels.some((label) => isAgendaLabel(meeting, label) && !sameLabel(label, removed));
  });
  return { items, pending, missing: [...missing.values()].filter((item) => !byItem.has(itemKey(item))) };
}

function agendaLabelsOf(meeting: Meeting, change: ItemChange): string[] {
  const touched = change.lostLabel === undefined ? change.labels : [...change.labels, change.lostLabel];
  return meeting.agendaLabels.filter((label) => sameLabel(label, touched));
}

/** Whether `labels` hold `label`: GitHub label names are case-insensitive. */
export function sameLabel(label: string, labels: string[]): boolean {
  const wanted = label.toLowerCase();
  return labels.some((candidate) => candidate.toLowerCase() === wanted);
}

function factKey(fact: LabelFact): string {
  return `${itemKey(fact)}#${fact.label.toLowerCase()}`;
}

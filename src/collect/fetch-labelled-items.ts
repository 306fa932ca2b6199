import type { GitHub } from "../github.js";
import type { AgendaItem, Meeting, RepoFullName } from "../model.js";
import { isAgendaLabel } from "./is-agenda-label.js";
import { itemKey } from "./item-key.js";
import { readVisibleItems } from "./read-visible-items.js";

export interface FetchedItems {
  /** Items that are open, bear an agenda label and may be shown in the meeting's home repo. */
  items: AgendaItem[];
  /** `itemKey`s of the others: what a webhook said about them no longer holds, or they may not be shown. */
  refuted: Set<string>;
}

/**
 * Reads items that webhooks labelled but search does not return yet, and keeps the open ones
 * that bear an agenda label and that the visibility rule lets the meeting show.
 */
export async function fetchLabelledItems(
  octokit: GitHub,
  meeting: Meeting,
  home: { private: boolean },
  wanted: { repo: RepoFullName; number: number }[],
): Promise<FetchedItems> {
  const read = await readVisibleItems(octokit, meeting, home, wanted);
  const items: AgendaItem[] = [];
  const refuted = new Set(read.hidden);
  for (const { item, open, asked } of read.items) {
    // An item that moved is no longer where the webhook said: what it said is done with.
    if (asked !== itemKey(item)) refuted.add(asked);
    if (open && item.labels.some((label) => isAgendaLabel(meeting, label))) items.push(item);
    else refuted.add(itemKey(item));
  }
  return { items, refuted };
}

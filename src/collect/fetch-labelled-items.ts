import type { GitHub } from "../github.js";
import type { AgendaItem, Meeting, RepoFullName } from "../model.js";
import { statusOf } from "../github.js";
import { isHomeOf } from "../registry/find-meeting.js";
import { isAgendaLabel } from "./is-agenda-label.js";
import { itemKey } from "./item-key.js";
import { readItem } from "./read-item.js";

export interface FetchedItems {
  /** Items that are open, bear an agenda label and may be shown in the meeting's home repo. */
  items: AgendaItem[];
  /** `itemKey`s of the others: what a webhook said about them no longer holds, or they may not be shown. */
  refuted: Set<string>;
}

/**
 * Reads items that webhooks labelled but search does not return yet, one by one through the REST
 * API (which does not lag), and keeps those the meeting may show. Visibility fails closed as in
 * collect: a private or internal repository's item only appears in a private home repo that is
 * that repository or names it in `include_private`.
 */
export async function fetchLabelledItems(
  octokit: GitHub,
  meeting: Meeting,
  home: { private: boolean },
  wanted: { repo: RepoFullName; number: number }[],
): Promise<FetchedItems> {
  const items: AgendaItem[] = [];
  const refuted = new Set<string>();
  const visible = new Map<string, boolean>();
  for (const wantedItem of wanted) {
    const key = wantedItem.repo.toLowerCase();
    if (!visible.has(key)) visible.set(key, await mayShowRepo(octokit, meeting, home, wantedItem.repo));
    const read = visible.get(key) ? await readItem(octokit, wantedItem) : undefined;
    if (read?.open && read.item.labels.some((label) => isAgendaLabel(meeting, label))) items.push(read.item);
    else refuted.add(itemKey(wantedItem));
  }
  return { items, refuted };
}

async function mayShowRepo(octokit: GitHub, meeting: Meeting, home: { private: boolean }, repo: RepoFullName) {
  const [owner = "", name = ""] = repo.split("/");
  try {
    const { data } = await octokit.rest.repos.get({ owner, repo: name });
    const isPublic = (data.visibility ?? (data.private ? "private" : "public")) === "public" && !data.private;
    if (isPublic) return true;
    const key = repo.toLowerCase();
    return home.private && (isHomeOf(meeting, repo) || meeting.includePrivate.some((named) => named.toLowerCase() === key));
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}

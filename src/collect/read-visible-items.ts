import type { GitHub } from "../github.js";
import type { AgendaItem, Meeting, RepoFullName } from "../model.js";
import { ifFound } from "../github.js";
import { itemKey } from "./item-key.js";
import { readItem } from "./read-item.js";
import { isPublicRepository, mayShowRepo } from "./visibility.js";

export interface VisibleItems {
  /** The items that exist and that the meeting may show, as they are now. */
  items: { item: AgendaItem; open: boolean }[];
  /** `itemKey`s of the others: gone, never visible to the installation, or not to be shown. */
  hidden: Set<string>;
}

/**
 * Reads items one by one through the REST API (which does not lag as search does) and keeps the
 * ones the visibility rule lets the meeting show now: each repository's visibility is read once,
 * at the time of the read, so a repository made private since the items were listed hides them.
 */
export async function readVisibleItems(
  octokit: GitHub,
  meeting: Meeting,
  home: { private: boolean },
  wanted: { repo: RepoFullName; number: number }[],
): Promise<VisibleItems> {
  const items: VisibleItems["items"] = [];
  const hidden = new Set<string>();
  const shown = new Map<string, boolean>();
  for (const ref of wanted) {
    const repoKey = ref.repo.toLowerCase();
    if (!shown.has(repoKey)) shown.set(repoKey, await mayShowItemsOf(octokit, meeting, home, ref.repo));
    const read = shown.get(repoKey) ? await readItem(octokit, ref) : undefined;
    if (read) items.push(read);
    else hidden.add(itemKey(ref));
  }
  return { items, hidden };
}

async function mayShowItemsOf(octokit: GitHub, meeting: Meeting, home: { private: boolean }, repo: RepoFullName): Promise<boolean> {
  const [owner = "", name = ""] = repo.split("/");
  const found = await ifFound(octokit.rest.repos.get({ owner, repo: name }));
  if (!found) return false;
  return mayShowRepo(meeting, repo, { homePrivate: home.private, repoPublic: isPublicRepository(found.data) });
}

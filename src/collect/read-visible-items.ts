import type { GitHub } from "../github.js";
import type { AgendaItem, Meeting, RepoFullName } from "../model.js";
import { ifFound } from "../github.js";
import { inScope, isHomeOf } from "./in-scope.js";
import { itemKey } from "./item-key.js";
import { readItem } from "./read-item.js";
import { readItemsBatch, type BatchRef, type ItemsBatch } from "./read-items-batch.js";
import { isPublicRepository, mayShowRepo } from "./visibility.js";

export interface VisibleItems {
  /** The items that exist and that the meeting may show, as they are now (at their new location when they moved), with the `itemKey` they were asked by (and a discussion's category). */
  items: { item: AgendaItem; open: boolean; asked: string; category?: string }[];
  /** `itemKey`s of the others, as asked: gone, never visible to the installation, or not to be shown. */
  hidden: Set<string>;
  /** Those of `hidden` that GitHub refused to read for the token's permissions: not known to be gone. */
  unreadable: Set<string>;
  /** Whether the rule lets the meeting show a repository's items, as read for these items. */
  mayShow(repo: RepoFullName): Promise<boolean>;
}

/**
 * Reads items one by one through the REST API (which does not lag as search does) and keeps the
 * ones the visibility rule lets the meeting show now: each repository's visibility is read once,
 * at the time of the read, so a repository made private since the items were listed hides them.
 * An item that moved (transferred, its repository renamed) is shown only if the rule lets the
 * meeting show its new repository; else it is gone, and nothing of its new location is kept.
 *
 * `batched` reads them, and their repositories' visibility, 100 a GraphQL query instead, for
 * the many items a burst of webhooks names; an item GraphQL does not find where it was asked
 * (deleted, or moved) is read through REST, which follows a move. Discussions, which REST does
 * not serve, are always read through GraphQL: one GraphQL does not find is gone; in a meeting
 * that takes discussions, a number found as no issue is looked for as a discussion.
 */
export async function readVisibleItems(
  octokit: GitHub,
  meeting: Meeting,
  home: { private: boolean },
  wanted: BatchRef[],
  options: { batched?: boolean } = {},
): Promise<VisibleItems> {
  const items: VisibleItems["items"] = [];
  const hidden = new Set<string>();
  // REST has no discussions: they are always read through GraphQL.
  const batched = wanted.filter((ref) => inScope(meeting, ref.repo) && (options.batched || ref.discussion));
  const batch = batched.length > 0 ? await readItemsBatch(octokit, batched) : undefined;
  const mayShow = visibilityReader(octokit, meeting, home, batch);
  const unfound: BatchRef[] = [];
  for (const ref of wanted) {
    const shown = await mayShow(ref.repo);
    const read = shown ? (batch?.items.get(itemKey(ref)) ?? (ref.discussion ? undefined : await readItem(octokit, ref))) : undefined;
    const moved = read !== undefined && read.item.repo.toLowerCase() !== ref.repo.toLowerCase();
    if (read && (!moved || (await mayShow(read.item.repo)))) items.push({ ...read, asked: itemKey(ref) });
    else hidden.add(itemKey(ref));
    if (shown && read === undefined && !ref.discussion) unfound.push(ref);
  }
  // `owner/repo#12`, and the keys the state records, do not say an item is a discussion, which
  // shares its repository's numbers with issues: for a meeting that takes discussions, a number
  // neither REST nor GraphQL found as an issue may be one.
  const asDiscussions = meeting.sources?.discussions && unfound.length > 0 ? await readItemsBatch(octokit, unfound.map((ref) => ({ ...ref, discussion: true }))) : undefined;
  for (const ref of asDiscussions ? unfound : []) {
    const read = asDiscussions?.items.get(itemKey(ref));
    if (!read) continue;
    items.push({ ...read, asked: itemKey(ref) });
    hidden.delete(itemKey(ref));
  }
  const unreadable = new Set([...(batch?.refused ?? []), ...(asDiscussions?.refused ?? [])].filter((key) => hidden.has(key)));
  return { items, hidden, unreadable, mayShow };
}

/**
 * Whether the rule lets the meeting show a repository's items now: each repository's visibility
 * read once, or taken from a batch that read it.
 */
export function visibilityReader(
  octokit: GitHub,
  meeting: Meeting,
  home: { private: boolean },
  batch?: Pick<ItemsBatch, "repos">,
): (repo: RepoFullName) => Promise<boolean> {
  const shown = new Map<string, Promise<boolean>>();
  return (repo) => {
    const key = repo.toLowerCase();
    let known = shown.get(key);
    if (!known) shown.set(key, (known = mayShowItemsOf(octokit, meeting, home, repo, batch?.repos.get(key))));
    return known;
  };
}

/** `batchedPublic`: the repository's visibility as a batch read it (null: not found); undefined when not read. */
async function mayShowItemsOf(
  octokit: GitHub,
  meeting: Meeting,
  home: { private: boolean },
  repo: RepoFullName,
  batchedPublic: boolean | null | undefined,
): Promise<boolean> {
  if (!inScope(meeting, repo)) return false;
  // The home repo's visibility is known already.
  if (isHomeOf(meeting, repo)) return mayShowRepo(meeting, repo, { homePrivate: home.private, repoPublic: !home.private });
  if (batchedPublic === null) return false;
  if (batchedPublic !== undefined) return mayShowRepo(meeting, repo, { homePrivate: home.private, repoPublic: batchedPublic });
  const [owner = "", name = ""] = repo.split("/");
  const found = await ifFound(octokit.rest.repos.get({ owner, repo: name }));
  if (!found) return false;
  return mayShowRepo(meeting, repo, { homePrivate: home.private, repoPublic: isPublicRepository(found.data) });
}

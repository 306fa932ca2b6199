import { statusOf, type GitHub } from "../github.js";
import type { AgendaItem, DiscussionSource, Meeting, RepoFullName } from "../model.js";
import { canReadRepo } from "./can-read-repo.js";
import { collectDiscussions, type CollectedDiscussions } from "./collect-discussions.js";
import { collectProjectItems } from "./collect-project-items.js";
import { buildSearchQueries, queryCovers, type SearchQuery } from "./build-search-queries.js";
import { isAgendaLabel } from "./is-agenda-label.js";
import { itemKey } from "./item-key.js";
import { searchDialect, type SearchDialect } from "./search-dialect.js";
import { searchUrl, webOriginOf } from "./search-url.js";
import { toAgendaItem, type SearchItem } from "./to-agenda-item.js";
import { isPublicRepository, mayShowRepo } from "./visibility.js";
import { refusedForPermission } from "./refused-for-permission.js";

export interface CollectedItems {
  items: AgendaItem[];
  /** One search page per query sent, with exactly that query, on the GitHub the home repo lives on. */
  searchUrls: string[];
  home: { private: boolean; visibility: string };
  /** Some query matched more than GitHub search returns (1,000), or GitHub timed out on it. */
  truncated: boolean;
  /** GitHub API calls made. */
  requests: number;
  /**
   * Repositories of `scope.repos` or `include_private` that do not exist or that the client cannot
   * read (the app is not installed on them): left out, so that the rest of the scope is searched.
   */
  unreachableRepos: RepoFullName[];
  /** With `sources.project`: whether GitHub found the board, and whether it was left out as private in a public home repo. */
  project?: { found: boolean; privateBoard: boolean };
  /** With `sources.discussions`: GitHub refused to search discussions (the app lacks the Discussions permission); the rest was searched. */
  discussionsUnread?: true;
}

const PER_PAGE = 100;
/** GitHub search returns at most this many results per query, however many pages are asked. */
const SEARCH_RESULT_CAP = 1000;

/**
 * The open issues and pull requests carrying any of the meeting's agenda labels in its scope,
 * found by issue search, de-duplicated, and only those the meeting's home repo may show (with
 * `sources.discussions`, the labelled discussions too, found by discussion search); or, for
 * a meeting whose agenda is a project board (`sources.project`), the board's items on it.
 */
export async function collectAgendaItems(
  octokit: GitHub,
  meeting: Meeting,
): Promise<CollectedItems> {
  const { data: repo, headers } = await octokit.rest.repos.get({
    owner: meeting.home.owner,
    repo: meeting.home.repo,
  });
  const home = {
    private: repo.private,
    visibility: repo.visibility ?? (repo.private ? "private" : "public"),
  };
  const source = meeting.sources?.project;
  if (source) {
    const board = await collectProjectItems(octokit, meeting, source, home);
    const project = { found: board.url !== undefined, privateBoard: board.privateBoard };
    const searchUrls = board.url && !board.privateBoard ? [board.url] : [];
    return { items: board.items, searchUrls, home, truncated: board.truncated, requests: 1 + board.requests, unreachableRepos: [], project };
  }
  const unreachable = new Set<RepoFullName>();
  const dialect = searchDialect(octokit, headers);
  const webOrigin = webOriginOf(repo.html_url);
  let requests = 1;
  for (;;) {
    const searched = await searchScope(octokit, withoutRepos(meeting, unreachable), home, dialect, webOrigin);
    requests += searched.requests;
    if (searched.kind === "done") {
      const collected = { ...searched.collected, home, requests, unreachableRepos: [...unreachable] };
      const source = meeting.sources?.discussions;
      return source ? withDiscussions(octokit, withoutRepos(meeting, unreachable), source, collected, webOrigin) : collected;
    }
    // GitHub refuses a whole query over one repository it cannot search: find which, and search again without them.
    for (const name of searched.query.repos ?? []) {
      requests++;
      if (!(await canReadRepo(octokit, name))) unreachable.add(name);
    }
    if (!searched.query.repos?.some((name) => unreachable.has(name))) throw searched.error;
  }
}

type ScopeSearch =
  | { kind: "done"; requests: number; collected: Pick<CollectedItems, "items" | "searchUrls" | "truncated"> }
  | { kind: "refused"; requests: number; query: SearchQuery; error: unknown };

async function searchScope(
  octokit: GitHub,
  meeting: Meeting,
  home: CollectedItems["home"],
  dialect: SearchDialect,
  webOrigin: string,
): Promise<ScopeSearch> {
  let requests = 0;
  let truncated = false;
  const queries = buildSearchQueries(meeting, home, dialect);
  const items = new Map<string, AgendaItem>();
  for (const query of queries) {
    let result: Awaited<ReturnType<typeof searchAll>>;
    try {
      result = await searchAll(octokit, query.q, dialect);
    } catch (error) {
      if (statusOf(error) === 422 && query.repos !== undefined) return { kind: "refused", requests: requests + 1, query, error };
      throw error;
    }
    requests += result.requests;
    truncated ||= result.truncated;
    for (const found of result.items) {
      const item = toAgendaItem(found);
      if (!mayShow(query, found, item, meeting, home)) continue;
      items.set(itemKey(item), item);
    }
  }
  const searchUrls = queries.map((query) => searchUrl(query.q, webOrigin));
  return { kind: "done", requests, collected: { items: [...items.values()], searchUrls, truncated } };
}

/** The search's items and the labelled discussions, or a note that GitHub refused to search them. */
async function withDiscussions(
  octokit: GitHub,
  meeting: Meeting,
  source: DiscussionSource,
  collected: CollectedItems,
  webOrigin: string,
): Promise<CollectedItems> {
  let found: CollectedDiscussions;
  try {
    found = await collectDiscussions(octokit, meeting, source, collected.home, webOrigin);
  } catch (error) {
    if (!refusedForPermission(error)) throw error;
    return { ...collected, requests: collected.requests + 1, discussionsUnread: true };
  }
  const items = new Map([...collected.items, ...found.items].map((item) => [itemKey(item), item]));
  return {
    ...collected,
    items: [...items.values()],
    searchUrls: [...collected.searchUrls, ...found.searchUrls],
    truncated: collected.truncated || found.truncated,
    requests: collected.requests + found.requests,
  };
}

/** The meeting with those repositories out of its scope and of `include_private`. */
function withoutRepos(meeting: Meeting, repos: ReadonlySet<RepoFullName>): Meeting {
  if (repos.size === 0) return meeting;
  const keep = (name: RepoFullName) => !repos.has(name);
  return { ...meeting, scope: { ...meeting.scope, repos: meeting.scope.repos.filter(keep) }, includePrivate: meeting.includePrivate.filter(keep) };
}

async function searchAll(octokit: GitHub, q: string, dialect: SearchDialect) {
  const items: SearchItem[] = [];
  let requests = 0;
  let truncated = false;
  for (let page = 1; page * PER_PAGE <= SEARCH_RESULT_CAP; page++) {
    const { data } = await octokit.rest.search.issuesAndPullRequests({
      q,
      // A fixed order keeps pages from overlapping; when results are cut, the newest stay.
      sort: "created",
      order: "desc",
      per_page: PER_PAGE,
      page,
      // GitHub Enterprise Server searches with the advanced syntax only when asked; github.com always does.
      ...(dialect.enterprise && dialect.advanced && { advanced_search: "true" }),
    });
    requests++;
    items.push(...data.items);
    truncated ||= data.incomplete_results || data.total_count > SEARCH_RESULT_CAP;
    const expected = Math.min(data.total_count, SEARCH_RESULT_CAP);
    if (data.items.length < PER_PAGE || items.length >= expected) break;
  }
  return { items, requests, truncated };
}

/**
 * Checks a result against what its query may return and against the visibility rule, so that a
 * search that misbehaves cannot put an item of another or a private repository on the agenda.
 */
function mayShow(
  query: SearchQuery,
  found: SearchItem,
  item: AgendaItem,
  meeting: Meeting,
  home: { private: boolean },
): boolean {
  // A result of an `is:public` query is public unless it says otherwise itself.
  const repoPublic = found.repository ? isPublicRepository(found.repository) : !query.allowsPrivate;
  const labelled = item.labels.some((label) => isAgendaLabel(meeting, label));
  return queryCovers(query, item.repo) && labelled && found.state === "open" && mayShowRepo(meeting, item.repo, { homePrivate: home.private, repoPublic });
}

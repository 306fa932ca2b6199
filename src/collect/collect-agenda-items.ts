import type { GitHub } from "../github.js";
import type { AgendaItem, Meeting } from "../model.js";
import { buildSearchQueries, type SearchQuery } from "./build-search-queries.js";
import { isAgendaLabel } from "./is-agenda-label.js";
import { itemKey } from "./item-key.js";
import { searchDialect, type SearchDialect } from "./search-dialect.js";
import { searchUrl, webOriginOf } from "./search-url.js";
import { toAgendaItem, type SearchItem } from "./to-agenda-item.js";
import { isPublicRepository, mayShowRepo } from "./visibility.js";

export interface CollectedItems {
  items: AgendaItem[];
  /** One search page per query sent, with exactly that query, on the GitHub the home repo lives on. */
  searchUrls: string[];
  home: { private: boolean; visibility: string };
  /** Some query matched more than GitHub search returns (1,000), or GitHub timed out on it. */
  truncated: boolean;
  /** GitHub API calls made. */
  requests: number;
}

const PER_PAGE = 100;
/** GitHub search returns at most this many results per query, however many pages are asked. */
const SEARCH_RESULT_CAP = 1000;

/**
 * The open issues and pull requests carrying any of the meeting's agenda labels in its scope,
 * found by issue search, de-duplicated, and only those the meeting's home repo may show.
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
  let requests = 1;
  let truncated = false;

  const dialect = searchDialect(octokit, headers);
  const queries = buildSearchQueries(meeting, home, dialect);
  const items = new Map<string, AgendaItem>();
  for (const query of queries) {
    const result = await searchAll(octokit, query.q, dialect);
    requests += result.requests;
    truncated ||= result.truncated;
    for (const found of result.items) {
      const item = toAgendaItem(found);
      if (!mayShow(query, found, item, meeting, home)) continue;
      items.set(itemKey(item), item);
    }
  }

  return {
    items: [...items.values()],
    searchUrls: queries.map((query) => searchUrl(query.q, webOriginOf(repo.html_url))),
    home,
    truncated,
    requests,
  };
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
  const repo = item.repo.toLowerCase();
  const owner = repo.split("/")[0];
  const inQuery =
    (query.repos ?? []).some((named) => named.toLowerCase() === repo) ||
    (query.orgs ?? []).some((org) => org.toLowerCase() === owner);
  // A result of an `is:public` query is public unless it says otherwise itself.
  const repoPublic = found.repository ? isPublicRepository(found.repository) : !query.allowsPrivate;
  const labelled = item.labels.some((label) => isAgendaLabel(meeting, label));
  return inQuery && labelled && found.state === "open" && mayShowRepo(meeting, item.repo, { homePrivate: home.private, repoPublic });
}

import type { GitHub } from "../github.js";
import type { AgendaItem, DiscussionSource, Meeting, RepoFullName } from "../model.js";
import { buildSearchQueries, queryCovers, type SearchQuery } from "./build-search-queries.js";
import { fromGraphQLNode, itemSelection, type GraphQLItemNode } from "./graphql-item.js";
import { isAgendaLabel } from "./is-agenda-label.js";
import { itemKey } from "./item-key.js";
import { searchUrl } from "./search-url.js";
import { mayShowRepo } from "./visibility.js";

// Labelled discussions as agenda items (`sources.discussions`), found by GraphQL's discussion
// search with the issue search's queries. Whether discussion search reads advanced search's
// `OR` is not documented: each query names one repository or organization, as for a server
// without advanced search. What comes back is checked as issue search's results are.

const PER_PAGE = 100;
/** GitHub search returns at most this many results per query, however many pages are asked. */
const SEARCH_RESULT_CAP = 1000;

/**
 * The queries' dialect: one scope qualifier and one label each (a community report says
 * discussion search reads neither `OR` nor `label:a,b`), and the type is the search's own.
 */
const DISCUSSION_SEARCH = { advanced: false, enterprise: false, typed: false, labelsApart: true };

// Search answers an installation without the Discussions permission with no discussions, as if
// none matched: the home repo's categories, which it refuses outright, tell the two apart.
export const DISCUSSION_SEARCH_QUERY = `query ($q: String!, $after: String, $owner: String!, $name: String!) {
  home: repository(owner: $owner, name: $name) { discussionCategories(first: 1) { totalCount } }
  search(type: DISCUSSION, query: $q, first: ${PER_PAGE}, after: $after) {
    discussionCount
    pageInfo { hasNextPage endCursor }
    nodes { __typename ${itemSelection("Discussion", "repository { nameWithOwner visibility }")} }
  }
}`;

type DiscussionNode = GraphQLItemNode & { repository: { nameWithOwner: string; visibility: string } };

interface SearchPage {
  search: {
    discussionCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: (Partial<DiscussionNode> | null)[];
  };
}

export interface CollectedDiscussions {
  items: AgendaItem[];
  /** One search page per query sent, on the GitHub at `webOrigin`. */
  searchUrls: string[];
  /** Some query matched more than GitHub search returns (1,000). */
  truncated: boolean;
  requests: number;
}

/** The open discussions in the meeting's scope with any of its agenda labels (and of its categories) that its home repo may show. */
export async function collectDiscussions(
  octokit: GitHub,
  meeting: Meeting,
  source: DiscussionSource,
  home: { private: boolean },
  webOrigin: string,
): Promise<CollectedDiscussions> {
  const queries = buildSearchQueries(meeting, home, DISCUSSION_SEARCH);
  const items = new Map<string, AgendaItem>();
  let requests = 0;
  let truncated = false;
  for (const query of queries) {
    let after: string | null = null;
    for (let page = 1; page * PER_PAGE <= SEARCH_RESULT_CAP; page++) {
      const { search }: SearchPage = await octokit.graphql<SearchPage>(DISCUSSION_SEARCH_QUERY, { q: query.q, after, owner: meeting.home.owner, name: meeting.home.repo });
      requests++;
      truncated ||= search.discussionCount > SEARCH_RESULT_CAP;
      for (const node of search.nodes) {
        const item = node?.__typename === "Discussion" ? agendaItem(query, node as DiscussionNode, meeting, source, home) : undefined;
        if (item) items.set(itemKey(item), item);
      }
      if (!search.pageInfo.hasNextPage || search.pageInfo.endCursor === null) break;
      after = search.pageInfo.endCursor;
    }
  }
  const searchUrls = queries.map((query) => searchUrl(query.q, webOrigin, "discussions"));
  return { items: [...items.values()], searchUrls, truncated, requests };
}

/**
 * A result as an agenda item, when its query may return it, it is open, labelled, of the
 * source's categories and the visibility rule lets the meeting show it: a search that
 * misbehaves cannot put a discussion of another or a private repository on the agenda.
 */
function agendaItem(query: SearchQuery, node: DiscussionNode, meeting: Meeting, source: DiscussionSource, home: { private: boolean }): AgendaItem | undefined {
  const repo = node.repository.nameWithOwner as RepoFullName;
  const { item, open } = fromGraphQLNode(repo, node);
  const labelled = item.labels.some((label) => isAgendaLabel(meeting, label));
  const repoPublic = node.repository.visibility === "PUBLIC";
  if (!queryCovers(query, repo) || !labelled || !open || !inCategories(source, node.category?.name)) return undefined;
  return mayShowRepo(meeting, repo, { homePrivate: home.private, repoPublic }) ? item : undefined;
}

/** Whether a discussion of `category` counts: category names compare without case, as GitHub's do. */
export function inCategories(source: DiscussionSource, category: string | undefined): boolean {
  if (source.categories.length === 0) return true;
  const name = category?.toLowerCase();
  return source.categories.some((wanted) => wanted.toLowerCase() === name);
}

import { linkHeader, pageOf, readPage } from "../pagination.js";
import { GitHubError, type Route } from "../route.js";
import { readSearchQuery } from "../search/read-search-query.js";
import { SEARCH_RESULT_CAP, searchIssues } from "../search/search-issues.js";
import { serializeIssue } from "../serialize/issue.js";
import type { IssueRecord } from "../state.js";

const SORT_KEYS: Record<string, (issue: IssueRecord) => number> = {
  created: (issue) => Date.parse(issue.createdAt),
  updated: (issue) => Date.parse(issue.updatedAt),
  comments: (issue) => issue.comments.length + issue.extraCommentCount,
  reactions: (issue) => issue.reactions.length,
  interactions: (issue) => issue.reactions.length + issue.comments.length + issue.extraCommentCount,
};

export const searchRoutes: Route[] = [
  {
    method: "GET",
    path: "/search/issues",
    handle(request) {
      const state = request.searchState();
      const server = { state, actor: request.actor, enterpriseVersion: request.enterpriseVersion };
      const query = readSearchQuery(server, request.query.get("q") ?? "", request.query.get("advanced_search"));

      const matches = searchIssues(state, request.actor, query);
      const sortKey = SORT_KEYS[request.query.get("sort") ?? ""];
      const direction = request.query.get("order") === "asc" ? 1 : -1;
      // Best match (no sort) keeps the matches newest first; ties of a sort key stay so too, as the sort is stable.
      if (sortKey) matches.sort((a, b) => direction * (sortKey(a.issue) - sortKey(b.issue)));

      const page = readPage(request.query);
      if ((page.page - 1) * page.perPage >= SEARCH_RESULT_CAP) {
        throw new GitHubError(422, `Only the first ${SEARCH_RESULT_CAP} search results are available`);
      }
      const reachable = matches.slice(0, SEARCH_RESULT_CAP);
      const link = linkHeader(request.url, page, reachable.length);
      return {
        status: 200,
        headers: link ? { link } : undefined,
        body: {
          total_count: matches.length,
          incomplete_results: false,
          // Octokit's paginate takes the first key after the counts for the list: items must come first.
          items: pageOf(reachable, page).map(({ repo, issue }) => searchItem(serializeIssue(state, repo, issue, request.urls))),
          search_type: "lexical",
        },
      };
    },
  },
];

/** A search item is an issue with a score; its schema has no null body, so an empty one is left out. */
function searchItem({ body, ...issue }: ReturnType<typeof serializeIssue>) {
  return { ...issue, ...(body === null ? {} : { body }), score: 1 };
}

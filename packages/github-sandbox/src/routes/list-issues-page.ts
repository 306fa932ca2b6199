import { paginate } from "../pagination.js";
import type { RouteRequest, RouteResponse } from "../route.js";
import type { IssueRecord } from "../state.js";

/**
 * One page of a repository's issues or pull requests as GitHub's list endpoints answer it: the
 * `state` filter, `sort` (created or updated) and `direction`, then the page and its Link header.
 */
export function listIssuesPage<T extends IssueRecord>(
  request: RouteRequest,
  records: T[],
  serialize: (record: T) => unknown,
): RouteResponse {
  const state = request.query.get("state") ?? "open";
  const direction = request.query.get("direction") === "asc" ? 1 : -1;
  const sortField = request.query.get("sort") === "updated" ? "updatedAt" : "createdAt";
  const sorted = records
    .filter((record) => state === "all" || record.state === state)
    .sort((a, b) => direction * (Date.parse(a[sortField]) - Date.parse(b[sortField]) || a.number - b.number));
  const { items, headers } = paginate(request, sorted);
  return { status: 200, headers, body: items.map(serialize) };
}

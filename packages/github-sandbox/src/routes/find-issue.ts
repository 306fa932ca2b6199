import { canRead } from "../access.js";
import { notFound, type RouteRequest, type RouteResponse } from "../route.js";
import type { IssueRecord, RepoRecord } from "../state.js";
import { findReadableRepo } from "./find-repo.js";

/** The issue (or pull request) `{issue_number}` of a repository the caller can see. */
export function findIssue(request: RouteRequest, numberParam = "issue_number"): { repo: RepoRecord; issue: IssueRecord } {
  const repo = findReadableRepo(request);
  const issue = repo.issues.get(Number(request.params[numberParam]));
  if (!issue) throw notFound();
  return { repo, issue };
}

/**
 * GitHub's answer for the old URL of an issue transferred to a repository the caller can read: a
 * 301 to its new location by repository id (`/repositories/{id}/issues/{number}`), on the server
 * the request came to; undefined for an issue that was not transferred away (or whose new
 * repository the caller cannot read: that is a 404).
 */
export function movedIssue(request: RouteRequest): RouteResponse | undefined {
  const repo = findReadableRepo(request);
  const number = Number(request.params["issue_number"]);
  const moved = repo.issues.has(number) ? undefined : repo.transferred?.get(number);
  const target = moved && [...request.state.repos.values()].find((candidate) => candidate.id === moved.repoId);
  if (!moved || !target || !canRead(request.state, request.actor, target)) return undefined;
  const prefix = request.url.pathname.startsWith("/api/v3/") ? "/api/v3" : "";
  const url = new URL(`${prefix}/repositories/${target.id}/issues/${moved.number}`, request.url).href;
  return {
    status: 301,
    headers: { location: url },
    body: { message: "Moved Permanently", url, documentation_url: "https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api#follow-redirects" },
  };
}

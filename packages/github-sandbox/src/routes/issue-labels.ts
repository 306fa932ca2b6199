import { addLabel } from "../create-state.js";
import { GitHubError, type Route, type RouteRequest } from "../route.js";
import { serializeIssueLabels } from "../serialize/label.js";
import type { IssueRecord, RepoRecord } from "../state.js";
import { findIssue } from "./find-issue.js";
import { setLabels } from "./issues.js";
import { requirePermission } from "./require-permission.js";

type LabelsBody = { labels?: (string | { name: string })[] } | string[] | { name: string }[] | undefined;

export const issueLabelRoutes: Route[] = [
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    handle(request) {
      const { repo, issue } = findIssue(request);
      requirePermission(request, repo, "triage");
      setLabels(request, repo, issue, [...issue.labels, ...requestedLabels(request, repo)]);
      return labelsResponse(request, repo, issue);
    },
  },
  {
    method: "PUT",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    handle(request) {
      const { repo, issue } = findIssue(request);
      requirePermission(request, repo, "triage");
      setLabels(request, repo, issue, requestedLabels(request, repo));
      return labelsResponse(request, repo, issue);
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
    handle(request) {
      const { repo, issue } = findIssue(request);
      requirePermission(request, repo, "triage");
      const name = (request.params["name"] ?? "").toLowerCase();
      if (!issue.labels.some((label) => label.toLowerCase() === name)) throw new GitHubError(404, "Label does not exist");
      setLabels(request, repo, issue, issue.labels.filter((label) => label.toLowerCase() !== name));
      return labelsResponse(request, repo, issue);
    },
  },
];

/** The labels of a request body in any of the forms GitHub accepts; new names become labels. */
function requestedLabels(request: RouteRequest, repo: RepoRecord): string[] {
  const body = request.body as LabelsBody;
  const list = Array.isArray(body) ? body : (body?.labels ?? []);
  return list.map((label) => addLabel(request.state, repo, typeof label === "string" ? label : label.name).name);
}

function labelsResponse(request: RouteRequest, repo: RepoRecord, issue: IssueRecord) {
  return { status: 200, body: serializeIssueLabels(repo, issue, request.urls) };
}

import { notFound, type RouteRequest } from "../route.js";
import type { IssueRecord, RepoRecord } from "../state.js";
import { findReadableRepo } from "./find-repo.js";

/** The issue (or pull request) `{issue_number}` of a repository the caller can see. */
export function findIssue(request: RouteRequest, numberParam = "issue_number"): { repo: RepoRecord; issue: IssueRecord } {
  const repo = findReadableRepo(request);
  const issue = repo.issues.get(Number(request.params[numberParam]));
  if (!issue) throw notFound();
  return { repo, issue };
}

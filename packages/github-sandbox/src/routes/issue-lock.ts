import { githubTimestamp, type Route, type RouteRequest, type RouteResponse } from "../route.js";
import type { IssueRecord } from "../state.js";
import { findIssue } from "./find-issue.js";
import { requirePermission } from "./require-permission.js";

export const issueLockRoutes: Route[] = [
  { method: "PUT", path: "/repos/{owner}/{repo}/issues/{issue_number}/lock", handle: (request) => setLocked(request, true) },
  { method: "DELETE", path: "/repos/{owner}/{repo}/issues/{issue_number}/lock", handle: (request) => setLocked(request, false) },
];

/** Locks or unlocks an issue; locking a locked one (or unlocking an unlocked one) changes nothing and sends nothing. */
function setLocked(request: RouteRequest, locked: boolean): RouteResponse {
  const { repo, issue } = findIssue(request);
  requirePermission(request, repo, "triage");
  if (issue.locked !== locked) {
    const at = githubTimestamp(request.now);
    const reason = locked ? ((request.body as { lock_reason?: IssueRecord["activeLockReason"] } | undefined)?.lock_reason ?? null) : null;
    Object.assign(issue, { locked, activeLockReason: reason, updatedAt: at });
    request.emit({ name: issue.pullRequest ? "pull_request" : "issues", action: locked ? "locked" : "unlocked", repo, issue, actor: request.actorLogin, at });
  }
  return { status: 204 };
}

import type { IssueRecord } from "../state.js";
import { githubTimestamp, type Route } from "../route.js";
import { findIssue } from "./find-issue.js";
import { requirePermission } from "./require-permission.js";

export const issueLockRoutes: Route[] = [
  {
    method: "PUT",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/lock",
    handle(request) {
      const { repo, issue } = findIssue(request);
      requirePermission(request, repo, "triage");
      const reason = (request.body as { lock_reason?: IssueRecord["activeLockReason"] } | undefined)?.lock_reason ?? null;
      const at = githubTimestamp(request.now);
      if (!issue.locked) {
        Object.assign(issue, { locked: true, activeLockReason: reason, updatedAt: at });
        request.emit({ name: issue.pullRequest ? "pull_request" : "issues", action: "locked", repo, issue, actor: request.actorLogin, at });
      }
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/lock",
    handle(request) {
      const { repo, issue } = findIssue(request);
      requirePermission(request, repo, "triage");
      const at = githubTimestamp(request.now);
      if (issue.locked) {
        Object.assign(issue, { locked: false, activeLockReason: null, updatedAt: at });
        request.emit({ name: issue.pullRequest ? "pull_request" : "issues", action: "unlocked", repo, issue, actor: request.actorLogin, at });
      }
      return { status: 204 };
    },
  },
];

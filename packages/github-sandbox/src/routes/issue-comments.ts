import { nodeId } from "../create-state.js";
import { paginate } from "../pagination.js";
import { installationMayWrite } from "../access.js";
import { GitHubError, githubTimestamp, notFound, type Route, type RouteRequest } from "../route.js";
import { serializeComment } from "../serialize/comment.js";
import { takeId, type CommentRecord, type IssueRecord, type RepoRecord } from "../state.js";
import { findIssue } from "./find-issue.js";
import { findReadableRepo } from "./find-repo.js";
import { requirePermission } from "./require-permission.js";

export const issueCommentRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    handle(request) {
      const { repo, issue } = findIssue(request);
      const since = request.query.get("since");
      const comments = issue.comments.filter((comment) => !since || Date.parse(comment.updatedAt) >= Date.parse(since));
      const { items, headers } = paginate(request, comments);
      return { status: 200, headers, body: items.map((comment) => serializeComment(request.state, repo, issue, comment, request.urls)) };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    handle(request) {
      const { repo, issue } = findIssue(request);
      requirePermission(request, repo, "read");
      if (issue.locked) requirePermission(request, repo, "write");
      const at = githubTimestamp(request.now);
      const id = takeId(request.state);
      const comment: CommentRecord = {
        id,
        nodeId: nodeId("IC", id),
        body: String((request.body as { body: string }).body),
        author: request.actorLogin,
        createdAt: at,
        updatedAt: at,
        reactions: [],
      };
      issue.comments.push(comment);
      issue.updatedAt = at;
      request.emit({ name: "issue_comment", action: "created", repo, issue, comment, actor: request.actorLogin, at });
      return { status: 201, body: serializeComment(request.state, repo, issue, comment, request.urls) };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    handle(request) {
      const { repo, issue, comment } = findComment(request);
      return { status: 200, body: serializeComment(request.state, repo, issue, comment, request.urls) };
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    handle(request) {
      const { repo, issue, comment } = findComment(request);
      if (comment.author.toLowerCase() !== request.actorLogin.toLowerCase()) requirePermission(request, repo, "write");
      const at = githubTimestamp(request.now);
      const from = comment.body;
      comment.body = String((request.body as { body: string }).body);
      comment.updatedAt = at;
      if (from !== comment.body) {
        request.emit({ name: "issue_comment", action: "edited", repo, issue, comment, changes: { body: { from } }, actor: request.actorLogin, at });
      }
      return { status: 200, body: serializeComment(request.state, repo, issue, comment, request.urls) };
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    handle(request) {
      const { repo, issue, comment } = findComment(request);
      // A person deletes their own comments, and others' with write; an app, even its own, only with its installation's `issues: write`.
      const own = request.actor.kind === "user" && comment.author.toLowerCase() === request.actorLogin.toLowerCase();
      if (!own) requirePermission(request, repo, "write");
      if (request.actor.kind === "installation" && !installationMayWrite(request.actor, "issues")) {
        throw new GitHubError(403, "Resource not accessible by integration");
      }
      issue.comments.splice(issue.comments.indexOf(comment), 1);
      request.emit({ name: "issue_comment", action: "deleted", repo, issue, comment, actor: request.actorLogin, at: githubTimestamp(request.now) });
      return { status: 204 };
    },
  },
];

export function findComment(request: RouteRequest): { repo: RepoRecord; issue: IssueRecord; comment: CommentRecord } {
  const repo = findReadableRepo(request);
  const id = Number(request.params["comment_id"]);
  for (const issue of repo.issues.values()) {
    const comment = issue.comments.find((candidate) => candidate.id === id);
    if (comment) return { repo, issue, comment };
  }
  throw notFound();
}

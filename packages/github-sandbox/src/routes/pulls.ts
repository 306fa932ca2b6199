import { nodeId } from "../create-state.js";
import { commitsAhead } from "../git-history.js";
import { paginate } from "../pagination.js";
import { GitHubError, githubTimestamp, notFound, type Route, type RouteRequest } from "../route.js";
import { pullRequestFiles, serializePullRequest, serializePullRequestSimple } from "../serialize/pull-request.js";
import { fullName, takeId, type PullRequestIssue, type RepoRecord } from "../state.js";
import { findIssue } from "./find-issue.js";
import { findReadableRepo } from "./find-repo.js";
import { listIssuesPage } from "./list-issues-page.js";
import { checkLengths, newIssue, updateIssue } from "./issues.js";
import { mergePullRequest } from "./merge-pull-request.js";
import { requirePermission } from "./require-permission.js";

interface PullRequestChanges {
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  base?: string;
}

export const pullRequestRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls",
    handle(request) {
      const repo = findReadableRepo(request);
      const head = request.query.get("head");
      const base = request.query.get("base");
      const pulls = pullRequestsOf(repo)
        .filter((issue) => !head || `${repo.owner}:${issue.pullRequest.head.ref}`.toLowerCase() === (head.includes(":") ? head : `${repo.owner}:${head}`).toLowerCase())
        .filter((issue) => !base || issue.pullRequest.base.ref === base);
      return listIssuesPage(request, pulls, (issue) => serializePullRequestSimple(request.state, repo, issue, request.urls));
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/pulls",
    handle(request) {
      const repo = findReadableRepo(request);
      requirePermission(request, repo, "read");
      const body = request.body as { title?: string; head: string; base: string; body?: string; draft?: boolean; issue?: number };
      if (body.issue !== undefined) throw new GitHubError(422, "The sandbox does not turn issues into pull requests: send a title instead.");
      if (body.title === undefined) throw invalidPull("title", "missing_field");
      checkLengths(body);
      const [headOwner, headRef] = body.head.includes(":") ? (body.head.split(/:(.*)/s) as [string, string]) : [repo.owner, body.head];
      if (headOwner.toLowerCase() !== repo.owner.toLowerCase()) throw invalidPull("head", "invalid");
      const headSha = repo.refs.get(`refs/heads/${headRef}`);
      const baseSha = repo.refs.get(`refs/heads/${body.base}`);
      if (!baseSha) throw invalidPull("base", "invalid");
      if (!headSha) throw invalidPull("head", "invalid");
      if (commitsAhead(repo, baseSha, headSha).length === 0) throw customPullError(`No commits between ${body.base} and ${headRef}`);
      if (pullRequestsOf(repo).some((issue) => issue.state === "open" && issue.pullRequest.head.ref === headRef && issue.pullRequest.base.ref === body.base)) {
        throw customPullError(`A pull request already exists for ${repo.owner}:${headRef}.`);
      }
      const opened = newIssue(request, repo, body.title, body.body ?? null);
      const pullId = takeId(request.state);
      const issue: PullRequestIssue = {
        ...opened,
        pullRequest: {
          id: pullId,
          nodeId: nodeId("PR", pullId),
          draft: body.draft ?? false,
          head: { ref: headRef, sha: headSha },
          base: { ref: body.base, sha: baseSha },
          mergedAt: null,
        },
      };
      repo.issues.set(issue.number, issue);
      request.emit({ name: "pull_request", action: "opened", repo, issue, actor: request.actorLogin, at: issue.createdAt });
      return {
        status: 201,
        headers: { location: `${request.urls.api}/repos/${fullName(repo)}/pulls/${issue.number}` },
        body: serializePullRequest(request.state, repo, issue, request.urls),
      };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}",
    handle(request) {
      const { repo, issue } = findPullRequest(request);
      return { status: 200, body: serializePullRequest(request.state, repo, issue, request.urls) };
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}",
    handle(request) {
      const { repo, issue } = findPullRequest(request);
      const changes = request.body as PullRequestChanges;
      if (changes.state === "open" && issue.pullRequest.mergedAt !== null) throw new GitHubError(422, "Cannot reopen a merged pull request", [{ resource: "PullRequest", code: "custom", message: "state cannot be changed. The pull request cannot be reopened." }]);
      if (changes.base !== undefined && changes.base !== issue.pullRequest.base.ref) changeBase(request, repo, issue, changes.base);
      updateIssue(request, repo, issue, { title: changes.title, body: changes.body, state: changes.state });
      return { status: 200, body: serializePullRequest(request.state, repo, issue, request.urls) };
    },
  },
  {
    method: "PUT",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
    handle(request) {
      const { repo, issue } = findPullRequest(request);
      requirePermission(request, repo, "write");
      const sha = mergePullRequest(request, repo, issue, request.body as Parameters<typeof mergePullRequest>[3]);
      return { status: 200, body: { sha, merged: true, message: "Pull Request successfully merged" } };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    handle(request) {
      const { repo, issue } = findPullRequest(request);
      const { items, headers } = paginate(request, pullRequestFiles(repo, issue.pullRequest, request.urls));
      return { status: 200, headers, body: items };
    },
  },
];

function pullRequestsOf(repo: RepoRecord): PullRequestIssue[] {
  return [...repo.issues.values()].filter((issue): issue is PullRequestIssue => issue.pullRequest !== undefined);
}

function findPullRequest(request: RouteRequest): { repo: RepoRecord; issue: PullRequestIssue } {
  const { repo, issue } = findIssue(request, "pull_number");
  if (!issue.pullRequest) throw notFound();
  return { repo, issue: issue as PullRequestIssue };
}

function changeBase(request: RouteRequest, repo: RepoRecord, issue: PullRequestIssue, base: string): void {
  requirePermission(request, repo, "write");
  const sha = repo.refs.get(`refs/heads/${base}`);
  if (!sha) throw invalidPull("base", "invalid");
  const from = { ...issue.pullRequest.base };
  issue.pullRequest.base = { ref: base, sha };
  const at = githubTimestamp(request.now);
  request.emit({ name: "pull_request", action: "edited", repo, issue, actor: request.actorLogin, at, changes: { base: { ref: { from: from.ref }, sha: { from: from.sha } } } });
}

function invalidPull(field: string, code: string): GitHubError {
  return new GitHubError(422, "Validation Failed", [{ resource: "PullRequest", field, code }]);
}

function customPullError(message: string): GitHubError {
  return new GitHubError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message }]);
}

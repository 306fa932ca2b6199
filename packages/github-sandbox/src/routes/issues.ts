import { addLabel, ensureUser, nodeId } from "../create-state.js";
import { GitHubError, githubTimestamp, type Route, type RouteRequest } from "../route.js";
import { serializeIssue } from "../serialize/issue.js";
import { takeId, type IssueRecord, type RepoRecord } from "../state.js";
import { findIssue, movedIssue } from "./find-issue.js";
import { findReadableRepo } from "./find-repo.js";
import { listIssuesPage } from "./list-issues-page.js";
import { hasPermission, requirePermission } from "./require-permission.js";

interface IssueChanges {
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  state_reason?: "completed" | "not_planned" | "reopened" | "duplicate" | null;
  labels?: (string | { name?: string })[];
  assignees?: string[];
}

export const issueRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}",
    handle(request) {
      const moved = movedIssue(request);
      if (moved) return moved;
      const { repo, issue } = findIssue(request);
      return { status: 200, body: serializeIssue(request.state, repo, issue, request.urls) };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues",
    handle(request) {
      const repo = findReadableRepo(request);
      const labels = (request.query.get("labels") ?? "").split(",").map((label) => label.trim().toLowerCase()).filter(Boolean);
      const labelled = [...repo.issues.values()].filter((issue) =>
        labels.every((label) => issue.labels.some((name) => name.toLowerCase() === label)),
      );
      return listIssuesPage(request, labelled, (issue) => serializeIssue(request.state, repo, issue, request.urls));
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues",
    handle(request) {
      const repo = findReadableRepo(request);
      requirePermission(request, repo, "read");
      const body = request.body as IssueChanges & { title: string | number };
      checkLengths(body);
      const issue = newIssue(request, repo, String(body.title), body.body ?? null);
      repo.issues.set(issue.number, issue);
      // GitHub silently drops labels and assignees from those who may not triage.
      const mayTriage = hasPermission(request, repo, "triage");
      const labels = mayTriage ? (body.labels ?? []).map((label) => addLabel(request.state, repo, labelName(label))) : [];
      if (mayTriage) {
        issue.labels = labels.map((label) => label.name);
        issue.assignees = (body.assignees ?? []).map((login) => ensureUser(request.state, login).login);
      }
      request.emit({ name: "issues", action: "opened", issue, repo, actor: request.actorLogin, at: issue.createdAt });
      // GitHub follows `opened` with one `labeled` per label given at creation.
      for (const label of labels) request.emit({ name: "issues", action: "labeled", issue, label, repo, actor: request.actorLogin, at: issue.createdAt });
      return {
        status: 201,
        headers: { location: `${request.urls.api}/repos/${repo.owner}/${repo.name}/issues/${issue.number}` },
        body: serializeIssue(request.state, repo, issue, request.urls),
      };
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/issues/{issue_number}",
    handle(request) {
      const { repo, issue } = findIssue(request);
      checkLengths(request.body as IssueChanges);
      updateIssue(request, repo, issue, request.body as IssueChanges);
      return { status: 200, body: serializeIssue(request.state, repo, issue, request.urls) };
    },
  },
];

/** GitHub refuses an issue title over 256 characters and a body over 65,536. */
export function checkLengths(changes: IssueChanges): void {
  const tooLong = (field: "title" | "body", maximum: number) =>
    new GitHubError(422, "Validation Failed", [
      { resource: "Issue", field, code: "custom", message: `${field} is too long (maximum is ${maximum} characters)` },
    ]);
  if (changes.title !== undefined && String(changes.title).length > 256) throw tooLong("title", 256);
  if (typeof changes.body === "string" && changes.body.length > 65_536) throw tooLong("body", 65_536);
}

/** A new open issue by the caller, numbered next in the repository; the caller stores it. */
export function newIssue(request: RouteRequest, repo: RepoRecord, title: string, body: string | null): IssueRecord {
  const id = takeId(request.state);
  const at = githubTimestamp(request.now);
  return {
    id,
    nodeId: nodeId("I", id),
    number: takeIssueNumber(repo),
    title,
    body,
    author: request.actorLogin,
    state: "open",
    stateReason: null,
    labels: [],
    assignees: [],
    locked: false,
    activeLockReason: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    extraCommentCount: 0,
    comments: [],
    reactions: [],
  };
}

/** Applies an issue update as GitHub does, emitting one event per kind of change. */
export function updateIssue(request: RouteRequest, repo: RepoRecord, issue: IssueRecord, changes: IssueChanges): void {
  const isAuthor = issue.author?.toLowerCase() === request.actorLogin.toLowerCase();
  if (!isAuthor) requirePermission(request, repo, "triage");
  const at = githubTimestamp(request.now);
  const base = { repo, issue, actor: request.actorLogin, at, name: issue.pullRequest ? ("pull_request" as const) : ("issues" as const) };
  // Before any event: the webhooks' payloads carry the new `updated_at`, as GitHub's do.
  issue.updatedAt = at;

  const edited: { title?: { from: string }; body?: { from: string | null } } = {};
  if (changes.title !== undefined && String(changes.title) !== issue.title) {
    edited.title = { from: issue.title };
    issue.title = String(changes.title);
  }
  if (changes.body !== undefined && changes.body !== issue.body) {
    edited.body = { from: issue.body };
    issue.body = changes.body;
  }
  if (changes.labels !== undefined && hasPermission(request, repo, "triage")) {
    const names = changes.labels.map((label) => addLabel(request.state, repo, labelName(label)).name);
    setLabels(request, repo, issue, names);
  }
  if (changes.assignees !== undefined && hasPermission(request, repo, "triage")) {
    issue.assignees = changes.assignees.map((login) => ensureUser(request.state, login).login);
  }
  if (Object.keys(edited).length > 0) request.emit({ ...base, action: "edited", changes: edited });
  if (changes.state !== undefined && changes.state !== issue.state) {
    issue.state = changes.state;
    issue.closedAt = changes.state === "closed" ? at : null;
    issue.stateReason = changes.state === "closed" ? (changes.state_reason ?? "completed") : "reopened";
    request.emit({ ...base, action: changes.state === "closed" ? "closed" : "reopened" });
  }
}

/** Replaces an issue's labels, emitting `labeled` and `unlabeled` for the difference. */
export function setLabels(request: RouteRequest, repo: RepoRecord, issue: IssueRecord, names: string[]): void {
  const at = githubTimestamp(request.now);
  const name = issue.pullRequest ? ("pull_request" as const) : ("issues" as const);
  const before = new Set(issue.labels.map((label) => label.toLowerCase()));
  const after = new Set(names.map((label) => label.toLowerCase()));
  const removed = issue.labels.filter((label) => !after.has(label.toLowerCase()));
  // GitHub's payloads show the issue after the change: an `unlabeled` one without the label, with the new `updated_at`.
  issue.labels = [...new Map(names.map((label) => [label.toLowerCase(), label])).values()];
  issue.updatedAt = at;
  for (const lost of removed) {
    const label = repo.labels.get(lost.toLowerCase());
    if (label) request.emit({ name, action: "unlabeled", repo, issue, label, actor: request.actorLogin, at });
  }
  for (const added of issue.labels.filter((label) => !before.has(label.toLowerCase()))) {
    const label = repo.labels.get(added.toLowerCase());
    if (label) request.emit({ name, action: "labeled", repo, issue, label, actor: request.actorLogin, at });
  }
}

function labelName(label: string | { name?: string }): string {
  const name = typeof label === "string" ? label : label.name;
  if (!name) throw new GitHubError(422, "Validation Failed", [{ resource: "Label", field: "name", code: "missing_field" }]);
  return name;
}

/** Takes the repository's next number: issues, pull requests and discussions share one sequence, and no number comes twice. */
export function takeIssueNumber(repo: RepoRecord): number {
  // The snapshot numbers what it lists itself, without counting.
  repo.lastNumber = Math.max(repo.lastNumber ?? 0, ...repo.issues.keys(), ...(repo.discussions?.keys() ?? [])) + 1;
  return repo.lastNumber;
}

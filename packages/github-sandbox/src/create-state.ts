import { createHash } from "node:crypto";
import { storeFileTree, storeObject } from "./git-store.js";
import { createDiscussions } from "./discussions/create-discussions.js";
import { createProjects } from "./projects/create-projects.js";
import type { Snapshot, SnapshotIssue, SnapshotRepo } from "./snapshot.js";
import {
  type IssueRecord,
  type LabelRecord,
  type OrgRecord,
  type RepoRecord,
  type SandboxState,
  type UserRecord,
  repoKey,
  takeId,
} from "./state.js";

/** Items without timestamps were created long ago, at one fixed instant so output is deterministic. */
const LONG_AGO = "2020-01-01T00:00:00Z";

export function createState(snapshot: Snapshot): SandboxState {
  const state: SandboxState = { users: new Map(), orgs: new Map(), repos: new Map(), installations: [], nextId: 1000 };

  for (const [login, profile] of Object.entries(snapshot.users)) {
    const user = ensureUser(state, login);
    user.name = profile.name ?? null;
    user.type = profile.type;
  }

  for (const [orgLogin, org] of Object.entries(snapshot.orgs)) {
    const account = ensureUser(state, orgLogin);
    account.type = "Organization";
    account.name = org.name ?? null;
    const record: OrgRecord = {
      login: orgLogin,
      members: new Set(),
      owners: new Set(),
      publicMembers: new Set(org.public_members.map((login) => login.toLowerCase())),
      basePermission: org.base_permission,
      teams: new Map(),
    };
    state.orgs.set(orgLogin.toLowerCase(), record);
    for (const login of [...org.members, ...org.owners]) record.members.add(ensureUser(state, login).login.toLowerCase());
    for (const login of org.owners) record.owners.add(login.toLowerCase());

    for (const [slug, team] of Object.entries(org.teams)) {
      const definition = Array.isArray(team) ? { members: team, repos: {}, name: undefined } : team;
      const id = takeId(state);
      record.teams.set(slug, {
        id,
        nodeId: nodeId("T", id),
        slug,
        name: definition.name ?? slug,
        members: new Set(definition.members.map((login) => ensureUser(state, login).login.toLowerCase())),
        repos: new Map(Object.entries(definition.repos).map(([name, role]) => [name.toLowerCase(), role])),
      });
    }

    for (const [name, repo] of Object.entries(org.repos)) {
      const created = createRepo(state, orgLogin, name, repo);
      state.repos.set(repoKey(orgLogin, name), created);
    }
    createProjects(state, orgLogin, org.projects, LONG_AGO);
  }

  const installations: NonNullable<Snapshot["installations"]> =
    snapshot.installations ?? Object.keys(snapshot.orgs).map((account) => ({ account, repositories: "all" as const }));
  for (const installation of installations) {
    state.installations.push({
      id: installation.id ?? takeId(state),
      account: installation.account,
      repositories:
        installation.repositories === "all" ? "all" : new Set(installation.repositories.map((name) => name.toLowerCase())),
      ...(installation.permissions && { permissions: installation.permissions }),
      ...(installation.events && { events: installation.events }),
    });
  }
  return state;
}

/** Every login is a GitHub user; one met for the first time gets an account with no rights anywhere. */
export function ensureUser(state: SandboxState, login: string): UserRecord {
  const key = login.toLowerCase();
  const existing = state.users.get(key);
  if (existing) return existing;
  const id = takeId(state);
  const user: UserRecord = {
    id,
    nodeId: nodeId("U", id),
    login,
    name: null,
    type: login.endsWith("[bot]") ? "Bot" : "User",
    createdAt: LONG_AGO,
  };
  state.users.set(key, user);
  return user;
}

/** Node ids shaped like GitHub's newer ones (`I_kwDO...`): a type prefix and an opaque base64 part. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString("base64url")}`;
}

function createRepo(state: SandboxState, owner: string, name: string, definition: SnapshotRepo): RepoRecord {
  const id = takeId(state);
  const createdAt = definition.created_at ?? LONG_AGO;
  const repo: RepoRecord = {
    id,
    nodeId: nodeId("R", id),
    owner,
    name,
    description: definition.description ?? null,
    visibility: definition.visibility ?? (definition.private ? "private" : "public"),
    archived: definition.archived,
    defaultBranch: definition.default_branch,
    createdAt,
    updatedAt: createdAt,
    pushedAt: createdAt,
    collaborators: new Map(
      Object.entries(definition.collaborators).map(([login, role]) => [ensureUser(state, login).login.toLowerCase(), role]),
    ),
    labels: new Map(),
    issues: new Map(),
    refs: new Map(),
    objects: new Map(),
    checkRuns: [],
  };

  for (const [labelName, label] of Object.entries(definition.labels)) {
    addLabel(state, repo, labelName, label.color, label.description ?? null);
  }

  const tree = storeFileTree(repo, definition.files);
  const initialCommitter = { name: "GitHub", email: "noreply@github.com", date: createdAt };
  const commit = storeObject(repo, {
    type: "commit",
    tree,
    parents: [],
    message: "Initial commit",
    author: initialCommitter,
    committer: initialCommitter,
  });
  repo.refs.set(`refs/heads/${repo.defaultBranch}`, commit);

  for (const issue of [...definition.issues].sort((a, b) => a.number - b.number)) {
    repo.issues.set(issue.number, createIssue(state, repo, issue, commit));
  }
  if (definition.has_discussions ?? definition.discussions.length > 0) {
    createDiscussions(state, repo, [...definition.discussions].sort((a, b) => a.number - b.number), createdAt);
  }
  return repo;
}

export function addLabel(
  state: SandboxState,
  repo: RepoRecord,
  name: string,
  color?: string,
  description: string | null = null,
): LabelRecord {
  const existing = repo.labels.get(name.toLowerCase());
  if (existing) return existing;
  const id = takeId(state);
  const label: LabelRecord = {
    id,
    nodeId: nodeId("LA", id),
    name,
    color: (color ?? defaultLabelColor(name)).toLowerCase(),
    description,
    default: false,
  };
  repo.labels.set(name.toLowerCase(), label);
  return label;
}

/** GitHub picks a random color for a new label; the sandbox derives one from the name to stay deterministic. */
function defaultLabelColor(name: string): string {
  return createHash("sha1").update(name).digest("hex").slice(0, 6);
}

function createIssue(state: SandboxState, repo: RepoRecord, definition: SnapshotIssue, baseCommit: string): IssueRecord {
  const id = takeId(state);
  const createdAt = definition.created_at ?? LONG_AGO;
  const updatedAt = definition.updated_at ?? definition.closed_at ?? createdAt;
  const author = definition.author ? ensureUser(state, definition.author).login : null;
  const issue: IssueRecord = {
    id,
    nodeId: nodeId(definition.pull_request ? "PR" : "I", id),
    number: definition.number,
    title: definition.title,
    body: definition.body ?? null,
    author,
    state: definition.state,
    stateReason: definition.state_reason ?? (definition.state === "closed" ? "completed" : null),
    labels: definition.labels.map((name) => addLabel(state, repo, name).name),
    assignees: definition.assignees.map((login) => ensureUser(state, login).login),
    locked: definition.locked,
    activeLockReason: null,
    createdAt,
    updatedAt,
    closedAt: definition.state === "closed" ? (definition.closed_at ?? updatedAt) : null,
    extraCommentCount: typeof definition.comments === "number" ? definition.comments : 0,
    comments: [],
    reactions: [],
  };
  if (Array.isArray(definition.comments)) {
    for (const comment of definition.comments) {
      const commentId = takeId(state);
      const at = comment.created_at ?? createdAt;
      issue.comments.push({
        id: commentId,
        nodeId: nodeId("IC", commentId),
        body: comment.body,
        author: ensureUser(state, comment.author).login,
        createdAt: at,
        updatedAt: at,
        reactions: [],
      });
    }
  }
  if (definition.pull_request) {
    const pullId = takeId(state);
    const headRef = definition.head ?? `patch-${definition.number}`;
    repo.refs.set(`refs/heads/${headRef}`, baseCommit);
    issue.pullRequest = {
      id: pullId,
      nodeId: nodeId("PR", pullId),
      draft: definition.draft ?? false,
      head: { ref: headRef, sha: baseCommit },
      base: { ref: repo.defaultBranch, sha: baseCommit },
      mergedAt: null,
    };
  }
  return issue;
}

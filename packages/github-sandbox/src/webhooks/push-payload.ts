import { ancestry } from "../git-history.js";
import { flattenTree, ZERO_SHA, type FlatEntry } from "../git-store.js";
import type { GitObject, RepoRecord, SandboxState } from "../state.js";
import { fullName } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { repositoryContext } from "./payload-parts.js";

/** GitHub lists at most this many commits in a push payload. */
const MAX_COMMITS = 20;

export interface PushChange {
  repo: RepoRecord;
  actor: string;
  ref: string;
  before: string;
  after: string;
}

/** The body of a `push` webhook, its commits read from the repository's git objects. */
export function pushPayload(state: SandboxState, change: PushChange, urls: SandboxUrls) {
  const { repo, ref, before, after } = change;
  const created = before === ZERO_SHA;
  const deleted = after === ZERO_SHA;
  const commits = deleted ? [] : commitsBetween(repo, ref, before, after).map((sha) => pushCommit(repo, sha, urls));
  const context = repositoryContext(state, repo, change.actor, urls);
  // A bot's noreply address (`1+app[bot]@...`) is not an email address by the schema's rules; GitHub leaves it out.
  const email = context.sender.type === "Bot" ? null : `${context.sender.id}+${context.sender.login}@users.noreply.github.com`;
  const pusher = { name: context.sender.login, email };
  return {
    ref,
    before,
    after,
    repository: {
      ...context.repository,
      // Push payloads alone give these as Unix seconds, as GitHub's older payloads did.
      created_at: Math.floor(Date.parse(repo.createdAt) / 1000),
      pushed_at: Math.floor(Date.parse(repo.pushedAt) / 1000),
      owner: { ...context.repository.owner, name: context.repository.owner.login, email: null },
      stargazers: 0,
      master_branch: repo.defaultBranch,
      ...(context.repository.owner.type === "Organization" ? { organization: repo.owner } : {}),
    },
    pusher,
    ...("organization" in context ? { organization: context.organization } : {}),
    sender: context.sender,
    created,
    deleted,
    forced: !created && !deleted && !isFirstParentAncestor(repo, before, after),
    base_ref: null,
    compare: `${urls.web}/${fullName(repo)}/${created ? `commit/${after.slice(0, 12)}` : `compare/${before.slice(0, 12)}...${after.slice(0, 12)}`}`,
    commits,
    // A new branch on an existing commit lists no commits, but names its head.
    head_commit: commits.at(-1) ?? (deleted ? null : pushCommit(repo, after, urls)),
  };
}

/**
 * The last commits (at most GitHub's 20) from `before` to `after`, oldest first, following first
 * parents; for a forced push, just `after`; for a new branch, those no other branch has.
 */
function commitsBetween(repo: RepoRecord, ref: string, before: string, after: string): string[] {
  if (before !== ZERO_SHA && !isFirstParentAncestor(repo, before, after)) return [after];
  const newestFirst = firstParents(repo, after);
  if (before !== ZERO_SHA) return newestFirst.slice(0, Math.min(newestFirst.indexOf(before), MAX_COMMITS)).reverse();
  const elsewhere = new Set([...repo.refs].filter(([name]) => name !== ref && name.startsWith("refs/heads/")).flatMap(([, sha]) => [...ancestry(repo, sha)]));
  return newestFirst.filter((sha) => !elsewhere.has(sha)).slice(0, MAX_COMMITS).reverse();
}

function isFirstParentAncestor(repo: RepoRecord, ancestor: string, sha: string): boolean {
  return firstParents(repo, sha).includes(ancestor);
}

/** `sha` and its first parents, newest first. */
function firstParents(repo: RepoRecord, sha: string): string[] {
  const shas: string[] = [];
  let current: string | undefined = sha;
  while (current) {
    const commit: GitObject | undefined = repo.objects.get(current);
    if (commit?.type !== "commit") break;
    shas.push(current);
    current = commit.parents[0];
  }
  return shas;
}

/** A commit as push payloads list it, with the paths it changes against its first parent. */
function pushCommit(repo: RepoRecord, sha: string, urls: SandboxUrls) {
  const commit = repo.objects.get(sha);
  if (commit?.type !== "commit") throw new Error(`sandbox state: ${sha} is not a commit of ${fullName(repo)}`);
  const parent = commit.parents[0] ? repo.objects.get(commit.parents[0]) : undefined;
  const changes = diffTrees(repo, parent?.type === "commit" ? parent.tree : undefined, commit.tree);
  return {
    id: sha,
    tree_id: commit.tree,
    distinct: true,
    message: commit.message,
    timestamp: commit.committer.date,
    url: `${urls.web}/${fullName(repo)}/commit/${sha}`,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
    ...changes,
  };
}

function diffTrees(repo: RepoRecord, beforeTree: string | undefined, afterTree: string) {
  const before = beforeTree ? flattenTree(repo, beforeTree) : new Map<string, FlatEntry>();
  const after = flattenTree(repo, afterTree);
  return {
    added: [...after.keys()].filter((path) => !before.has(path)),
    removed: [...before.keys()].filter((path) => !after.has(path)),
    modified: [...after].filter(([path, file]) => before.has(path) && before.get(path)?.sha !== file.sha).map(([path]) => path),
  };
}

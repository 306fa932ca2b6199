import { commitsAhead, mergeBase } from "../git-history.js";
import { mergeTrees } from "../merge-trees.js";
import { fullName, type PullRequestIssue, type PullRequestRecord, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { authorAssociation } from "./author-association.js";
import { diffEntries } from "./diff-entries.js";
import { serializeIssueLabels } from "./label.js";
import { serializeRepository } from "./repository.js";
import { serializeAccount } from "./user.js";

/** GitHub's `pull-request-simple`, as pull request lists give it. */
export function serializePullRequestSimple(state: SandboxState, repo: RepoRecord, issue: PullRequestIssue, urls: SandboxUrls) {
  const pull = issue.pullRequest;
  const name = fullName(repo);
  const api = `${urls.api}/repos/${name}`;
  const self = `${api}/pulls/${issue.number}`;
  const html = `${urls.web}/${name}/pull/${issue.number}`;
  const issueApi = `${api}/issues/${issue.number}`;
  const owner = serializeAccount(state, repo.owner, urls);
  const repository = serializeRepository(state, repo, urls);
  const assignees = issue.assignees.map((login) => serializeAccount(state, login, urls)).filter((assignee) => assignee !== null);
  const side = (branch: { ref: string; sha: string }) => ({ label: `${repo.owner}:${branch.ref}`, ref: branch.ref, sha: branch.sha, user: owner, repo: repository });
  return {
    url: self,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${api}/statuses/${pull.head.sha}`,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: serializeAccount(state, issue.author, urls),
    body: issue.body,
    labels: serializeIssueLabels(repo, issue, urls),
    milestone: null,
    active_lock_reason: issue.activeLockReason,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head),
    base: side(pull.base),
    _links: {
      self: { href: self },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${pull.head.sha}` },
    },
    author_association: authorAssociation(state, repo, issue.author),
    auto_merge: null,
    draft: pull.draft,
  };
}

/** GitHub's `pull-request`, with the counts and mergeability `GET /pulls/{number}` adds. */
export function serializePullRequest(state: SandboxState, repo: RepoRecord, issue: PullRequestIssue, urls: SandboxUrls) {
  const pull = issue.pullRequest;
  const files = pullRequestFiles(repo, pull, urls);
  const mergeability = pullRequestMergeability(repo, pull);
  return {
    ...serializePullRequestSimple(state, repo, issue, urls),
    merged: pull.mergedAt !== null,
    mergeable: issue.state === "open" ? mergeability : null,
    rebaseable: issue.state === "open" ? mergeability : null,
    mergeable_state: issue.state !== "open" ? "unknown" : mergeability ? (pull.draft ? "draft" : "clean") : "dirty",
    merged_by: serializeAccount(state, pull.mergedBy, urls),
    comments: issue.comments.length + issue.extraCommentCount,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: commitsAhead(repo, pull.base.sha, pull.head.sha).length,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changed_files: files.length,
  };
}

/** The files a pull request changes: its head compared to where it left its base. */
export function pullRequestFiles(repo: RepoRecord, pull: PullRequestRecord, urls: SandboxUrls) {
  const base = mergeBase(repo, pull.base.sha, pull.head.sha);
  return diffEntries(repo, base ? treeOf(repo, base) : undefined, treeOf(repo, pull.head.sha) ?? "", pull.head.sha, urls);
}

function pullRequestMergeability(repo: RepoRecord, pull: PullRequestRecord): boolean {
  const base = mergeBase(repo, pull.base.sha, pull.head.sha);
  return mergeTrees(repo, base ? treeOf(repo, base) : undefined, treeOf(repo, pull.base.sha) ?? "", treeOf(repo, pull.head.sha) ?? "").clean;
}

export function treeOf(repo: RepoRecord, commitSha: string): string | undefined {
  const commit = repo.objects.get(commitSha);
  return commit?.type === "commit" ? commit.tree : undefined;
}

import type { GitObject, RepoRecord, SandboxState } from "../state.js";
import { fullName } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { diffEntries } from "./diff-entries.js";
import { gitNodeId, signature, UNSIGNED } from "./git.js";
import { serializeAccount } from "./user.js";

type CommitObject = Extract<GitObject, { type: "commit" }>;

/** GitHub's `commit` (`GET /repos/{owner}/{repo}/commits/{ref}`), with its files compared to its first parent. */
export function serializeCommit(state: SandboxState, repo: RepoRecord, sha: string, commit: CommitObject, urls: SandboxUrls) {
  const api = `${urls.api}/repos/${fullName(repo)}`;
  const parent = commit.parents[0] ? repo.objects.get(commit.parents[0]) : undefined;
  const files = diffEntries(repo, parent?.type === "commit" ? parent.tree : undefined, commit.tree, sha, urls);
  const additions = files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
  return {
    sha,
    node_id: gitNodeId("C", repo, sha),
    url: `${api}/commits/${sha}`,
    html_url: `${urls.web}/${fullName(repo)}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: signature(commit.author),
      committer: signature(commit.committer),
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: UNSIGNED,
    },
    author: accountOf(state, commit.author.email, urls),
    committer: accountOf(state, commit.committer.email, urls),
    parents: commit.parents.map((parentSha) => ({ sha: parentSha, url: `${api}/commits/${parentSha}`, html_url: `${urls.web}/${fullName(repo)}/commit/${parentSha}` })),
    stats: { total: additions + deletions, additions, deletions },
    files,
  };
}

/** GitHub links a commit to the account of its noreply address (`<id>+<login>@users.noreply.github.com`). */
function accountOf(state: SandboxState, email: string, urls: SandboxUrls) {
  return serializeAccount(state, /^\d+\+(.+)@users\.noreply\.github\.com$/.exec(email)?.[1], urls);
}

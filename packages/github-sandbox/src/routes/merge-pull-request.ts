import { commitsAhead, mergeBase } from "../git-history.js";
import { storeObject } from "../git-store.js";
import { mergeTrees } from "../merge-trees.js";
import { GitHubError, githubTimestamp, type RouteRequest } from "../route.js";
import { treeOf } from "../serialize/pull-request.js";
import type { PullRequestIssue, RepoRecord } from "../state.js";
import { callerSignature } from "./git-signature.js";
import { setRef } from "./set-ref.js";

export interface MergeRequest {
  commit_title?: string;
  commit_message?: string;
  sha?: string;
  merge_method?: "merge" | "squash" | "rebase";
}

/**
 * Merges a pull request as GitHub's merge button does: the base branch moves (a push), the pull
 * request closes as merged; the head branch stays. Returns the new tip of the base branch.
 */
export function mergePullRequest(request: RouteRequest, repo: RepoRecord, issue: PullRequestIssue, options: MergeRequest = {}): string {
  const pull = issue.pullRequest;
  if (issue.state !== "open") throw new GitHubError(405, "Pull Request is not mergeable");
  if (pull.draft) throw new GitHubError(405, "Pull Request is still a draft");
  if (options.sha !== undefined && options.sha !== pull.head.sha) throw new GitHubError(409, "Head branch was modified. Review and try the merge again.");
  const baseTip = repo.refs.get(`refs/heads/${pull.base.ref}`);
  if (!baseTip) throw new GitHubError(422, `Base branch ${pull.base.ref} does not exist`);

  const signature = callerSignature(request);
  const commit = (tree: string, parents: string[], message: string) =>
    storeObject(repo, { type: "commit", tree, parents, message, author: signature, committer: signature });
  const mergeTree = (base: string | undefined, ours: string, theirs: string) => {
    const merged = mergeTrees(repo, base ? treeOf(repo, base) : undefined, treeOf(repo, ours) ?? "", treeOf(repo, theirs) ?? "");
    if (!merged.clean) throw new GitHubError(405, "Pull Request is not mergeable");
    return merged.tree;
  };

  const method = options.merge_method ?? "merge";
  const ahead = commitsAhead(repo, baseTip, pull.head.sha);
  let tip: string;
  if (method === "rebase") {
    tip = baseTip;
    for (const sha of ahead) {
      const original = repo.objects.get(sha);
      if (original?.type !== "commit") continue;
      const tree = mergeTree(original.parents[0], tip, sha);
      tip = storeObject(repo, { ...original, tree, parents: [tip], committer: signature });
    }
  } else {
    const tree = mergeTree(mergeBase(repo, baseTip, pull.head.sha), baseTip, pull.head.sha);
    const title = options.commit_title ?? (method === "squash" ? `${issue.title} (#${issue.number})` : `Merge pull request #${issue.number} from ${repo.owner}/${pull.head.ref}`);
    const message = options.commit_message ?? (method === "squash" ? squashedMessages(repo, ahead) : issue.title);
    tip = commit(tree, method === "squash" ? [baseTip] : [baseTip, pull.head.sha], message ? `${title}\n\n${message}` : title);
  }

  setRef(request, repo, `refs/heads/${pull.base.ref}`, tip);
  const at = githubTimestamp(request.now);
  Object.assign(pull, { mergedAt: at, mergedBy: request.actorLogin, mergeCommitSha: tip });
  Object.assign(issue, { state: "closed", closedAt: at, updatedAt: at, stateReason: null });
  request.emit({ name: "pull_request", action: "closed", repo, issue, actor: request.actorLogin, at });
  return tip;
}

function squashedMessages(repo: RepoRecord, shas: string[]): string {
  return shas
    .map((sha) => repo.objects.get(sha))
    .flatMap((commit) => (commit?.type === "commit" ? [`* ${commit.message}`] : []))
    .join("\n\n");
}

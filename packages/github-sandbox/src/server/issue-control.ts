import { senderLacks } from "../access.js";
import { githubTimestamp } from "../route.js";
import { takeIssueNumber } from "../routes/issues.js";
import type { Sandbox } from "../sandbox.js";
import { repoKey, takeId, type IssueRecord, type RepoRecord } from "../state.js";
import { nodeId } from "../create-state.js";
import { transferRefusal } from "../transfer-rules.js";

// Transferring and deleting an issue happen on GitHub's pages (or through GraphQL mutations the
// sandbox does not answer); the control endpoints do them as `sender` would.

/** Moves an issue to `to` (`owner/name`) under the next number there; a message says what is wrong. */
export function transferIssue(sandbox: Sandbox, from: RepoRecord, issue: IssueRecord, to: string, sender: string): IssueRecord | string {
  const [owner = "", name = ""] = to.split("/");
  const target = sandbox.state.repos.get(repoKey(owner, name));
  if (!target) return `to: ${to} is not a repository of the sandbox`;
  if (issue.pullRequest) return "pull requests cannot be transferred";
  const disallowed = transferRefusal("issue", from, target);
  if (disallowed) return disallowed;
  const refused = senderLacks(sandbox.state, sender, from, "write") ?? senderLacks(sandbox.state, sender, target, "write");
  if (refused) return refused;
  const before = structuredClone(issue);
  const at = githubTimestamp(sandbox.clock.now());
  const id = takeId(sandbox.state);
  const moved: IssueRecord = {
    ...issue,
    id,
    nodeId: nodeId("I", id),
    number: takeIssueNumber(target),
    // Labels travel when the target has labels of the same names.
    labels: issue.labels.filter((label) => target.labels.has(label.toLowerCase())).map((label) => target.labels.get(label.toLowerCase())?.name ?? label),
    updatedAt: at,
  };
  from.issues.delete(issue.number);
  target.issues.set(moved.number, moved);
  (from.transferred ??= new Map()).set(issue.number, { repoId: target.id, number: moved.number });
  sandbox.emitChange({ name: "issues", action: "transferred", repo: from, issue: before, newRepo: target, newIssue: moved, actor: sender, at });
  sandbox.emitChange({ name: "issues", action: "opened", repo: target, issue: moved, actor: sender, at });
  return moved;
}

/** Deletes an issue, as a repository admin can. */
export function deleteIssue(sandbox: Sandbox, repo: RepoRecord, issue: IssueRecord, sender: string): string | undefined {
  if (issue.pullRequest) return "pull requests cannot be deleted";
  const refused = senderLacks(sandbox.state, sender, repo, "admin");
  if (refused) return refused;
  const before = structuredClone(issue);
  repo.issues.delete(issue.number);
  sandbox.emitChange({ name: "issues", action: "deleted", repo, issue: before, actor: sender, at: githubTimestamp(sandbox.clock.now()) });
  return undefined;
}

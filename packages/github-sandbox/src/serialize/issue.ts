import { fullName, type IssueRecord, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { authorAssociation } from "./author-association.js";
import { serializeIssueLabels } from "./label.js";
import { serializeReactionRollup } from "./reactions.js";
import { serializeAccount } from "./user.js";

/** GitHub's `issue`, also for a pull request seen through the issues API. */
export function serializeIssue(state: SandboxState, repo: RepoRecord, issue: IssueRecord, urls: SandboxUrls) {
  const name = fullName(repo);
  const api = `${urls.api}/repos/${name}/issues/${issue.number}`;
  const assignees = issue.assignees.map((login) => serializeAccount(state, login, urls)).filter((assignee) => assignee !== null);
  const pull = issue.pullRequest;
  const pullApi = `${urls.api}/repos/${name}/pulls/${issue.number}`;
  const pullHtml = `${urls.web}/${name}/pull/${issue.number}`;
  return {
    url: api,
    repository_url: `${urls.api}/repos/${name}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: pull ? pullHtml : `${urls.web}/${name}/issues/${issue.number}`,
    id: issue.id,
    node_id: issue.nodeId,
    number: issue.number,
    title: issue.title,
    user: serializeAccount(state, issue.author, urls),
    labels: serializeIssueLabels(repo, issue, urls),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: issue.comments.length + issue.extraCommentCount,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(state, repo, issue.author),
    type: null,
    active_lock_reason: issue.activeLockReason,
    ...(pull
      ? {
          draft: pull.draft,
          pull_request: {
            url: pullApi,
            html_url: pullHtml,
            diff_url: `${pullHtml}.diff`,
            patch_url: `${pullHtml}.patch`,
            merged_at: pull.mergedAt,
          },
        }
      : {}),
    body: issue.body,
    reactions: serializeReactionRollup(issue.reactions, `${api}/reactions`),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
}

import { fullName, type CommentRecord, type IssueRecord, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { authorAssociation } from "./author-association.js";
import { serializeReactionRollup } from "./reactions.js";
import { serializeAccount } from "./user.js";

/** GitHub's `issue-comment`. */
export function serializeComment(state: SandboxState, repo: RepoRecord, issue: IssueRecord, comment: CommentRecord, urls: SandboxUrls) {
  const name = fullName(repo);
  const url = `${urls.api}/repos/${name}/issues/comments/${comment.id}`;
  const page = issue.pullRequest ? "pull" : "issues";
  return {
    id: comment.id,
    node_id: comment.nodeId,
    url,
    html_url: `${urls.web}/${name}/${page}/${issue.number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: serializeAccount(state, comment.author, urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${urls.api}/repos/${name}/issues/${issue.number}`,
    author_association: authorAssociation(state, repo, comment.author),
    performed_via_github_app: null,
    reactions: serializeReactionRollup(comment.reactions, `${url}/reactions`),
  };
}

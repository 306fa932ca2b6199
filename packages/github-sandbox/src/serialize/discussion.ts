import { categoryOf } from "../discussions/create-discussions.js";
import { fullName, type DiscussionCategoryRecord, type DiscussionRecord, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { authorAssociation } from "./author-association.js";
import { serializeLabel } from "./label.js";
import { serializeAccount } from "./user.js";

/** GitHub's `discussion`, as webhooks carry it. */
export function serializeDiscussion(state: SandboxState, repo: RepoRecord, discussion: DiscussionRecord, urls: SandboxUrls) {
  const api = `${urls.api}/repos/${fullName(repo)}`;
  return {
    id: discussion.id,
    node_id: discussion.nodeId,
    number: discussion.number,
    title: discussion.title,
    body: discussion.body,
    user: serializeAccount(state, discussion.author, urls),
    category: serializeDiscussionCategory(repo, categoryOf(repo, discussion)),
    labels: discussion.labels.flatMap((name) => {
      const label = repo.labels.get(name.toLowerCase());
      return label ? [serializeLabel(label, repo, urls)] : [];
    }),
    state: discussion.closed ? "closed" : "open",
    state_reason: discussion.stateReason,
    locked: discussion.locked,
    active_lock_reason: null,
    comments: 0,
    created_at: discussion.createdAt,
    updated_at: discussion.updatedAt,
    author_association: authorAssociation(state, repo, discussion.author),
    html_url: `${urls.web}/${fullName(repo)}/discussions/${discussion.number}`,
    repository_url: api,
    timeline_url: `${api}/discussions/${discussion.number}/timeline`,
    answer_html_url: null,
    answer_chosen_at: null,
    answer_chosen_by: null,
  };
}

export function serializeDiscussionCategory(repo: RepoRecord, category: DiscussionCategoryRecord) {
  return {
    id: category.id,
    node_id: category.nodeId,
    repository_id: repo.id,
    name: category.name,
    slug: category.slug,
    emoji: category.emoji,
    description: category.description,
    is_answerable: category.isAnswerable,
    created_at: category.createdAt,
    updated_at: category.createdAt,
  };
}

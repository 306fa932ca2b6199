import { addLabel, ensureUser, nodeId } from "../create-state.js";
import { takeId, type DiscussionCategoryRecord, type DiscussionRecord, type RepoRecord, type SandboxState } from "../state.js";
import type { SnapshotDiscussion } from "../snapshot.js";

/** The categories GitHub creates when a repository's discussions are turned on. */
const DEFAULT_CATEGORIES = [
  { name: "Announcements", slug: "announcements", emoji: ":mega:", description: "Updates from maintainers", isAnswerable: false },
  { name: "General", slug: "general", emoji: ":speech_balloon:", description: "Chat about anything and everything here", isAnswerable: false },
  { name: "Ideas", slug: "ideas", emoji: ":bulb:", description: "Share ideas for new features", isAnswerable: false },
  { name: "Polls", slug: "polls", emoji: ":ballot_box:", description: "Take a vote from the community", isAnswerable: false },
  { name: "Q&A", slug: "q-a", emoji: ":pray:", description: "Ask the community for help", isAnswerable: true },
  { name: "Show and tell", slug: "show-and-tell", emoji: ":raised_hands:", description: "Show off something you've made", isAnswerable: false },
];

/** Turns a repository's discussions on; the first time, GitHub's default categories are created. */
export function enableDiscussions(state: SandboxState, repo: RepoRecord, at: string): void {
  repo.hasDiscussions = true;
  repo.discussions ??= new Map();
  repo.discussionCategories ??= DEFAULT_CATEGORIES.map((category) => {
    const id = takeId(state);
    return { id, nodeId: nodeId("DIC", id), ...category, createdAt: at };
  });
}

/** The repository's category of that name or slug (case-insensitive). */
export function findCategory(repo: RepoRecord, nameOrSlug: string): DiscussionCategoryRecord | undefined {
  const wanted = nameOrSlug.toLowerCase();
  return repo.discussionCategories?.find((category) => category.name.toLowerCase() === wanted || category.slug === wanted);
}

export function categoryOf(repo: RepoRecord, discussion: DiscussionRecord): DiscussionCategoryRecord {
  const category = repo.discussionCategories?.find((candidate) => candidate.nodeId === discussion.categoryId);
  if (!category) throw new Error(`sandbox state: discussion #${discussion.number} of ${repo.owner}/${repo.name} has no category`);
  return category;
}

/** A repository's discussions of the snapshot, as records; timestamps default to the repository's "long ago". */
export function createDiscussions(state: SandboxState, repo: RepoRecord, discussions: SnapshotDiscussion[], at: string): void {
  enableDiscussions(state, repo, at);
  for (const definition of discussions) {
    const category = findCategory(repo, definition.category);
    if (!category) throw new Error(`sandbox snapshot: ${repo.owner}/${repo.name} has no discussion category ${definition.category}`);
    const id = takeId(state);
    const createdAt = definition.created_at ?? at;
    const updatedAt = definition.updated_at ?? definition.closed_at ?? createdAt;
    const closed = definition.state === "closed";
    repo.discussions?.set(definition.number, {
      id,
      nodeId: nodeId("D", id),
      number: definition.number,
      title: definition.title,
      body: definition.body,
      author: definition.author ? ensureUser(state, definition.author).login : null,
      categoryId: category.nodeId,
      labels: definition.labels.map((name) => addLabel(state, repo, name).name),
      closed,
      stateReason: closed ? (definition.state_reason ?? "resolved") : null,
      closedAt: closed ? (definition.closed_at ?? updatedAt) : null,
      locked: definition.locked,
      createdAt,
      updatedAt,
    });
  }
}

// The records of a repository's discussions, as `RepoRecord` holds them (see state.ts).

/** A category of a repository's discussions: GitHub creates six when discussions are enabled. */
export interface DiscussionCategoryRecord {
  id: number;
  nodeId: string;
  name: string;
  slug: string;
  emoji: string;
  description: string;
  /** Q&A-style: a comment can be marked as the answer. */
  isAnswerable: boolean;
  createdAt: string;
}

/** A discussion: numbered in the repository's one sequence with its issues and pull requests. */
export interface DiscussionRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  body: string;
  /** Login; null for a deleted user ("ghost"). */
  author: string | null;
  /** The node id of its category in the repository's `discussionCategories`. */
  categoryId: string;
  /** Label names as shown, in the order they were added; each exists in the repository's labels. */
  labels: string[];
  closed: boolean;
  stateReason: "resolved" | "outdated" | "duplicate" | "reopened" | null;
  closedAt: string | null;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
}

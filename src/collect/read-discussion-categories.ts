import { withoutNotFound, type GitHub } from "../github.js";
import type { RepoFullName } from "../model.js";
import { refusedForPermission } from "./refused-for-permission.js";

// What the config check needs to know of a repository for `sources.discussions`: whether its
// Discussions tab is on, and its categories' names. GitHub allows 25 categories a repository, so
// one page holds them all.

const DISCUSSION_CATEGORIES_QUERY = `query ($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    hasDiscussionsEnabled
    discussionCategories(first: 100) { nodes { name } }
  }
}`;

export type DiscussionCategories =
  | { kind: "no-repo" }
  /** The installation lacks the Discussions permission. */
  | { kind: "refused" }
  | { kind: "found"; enabled: boolean; categories: string[] };

interface Answer {
  repository?: { hasDiscussionsEnabled: boolean; discussionCategories: { nodes: ({ name: string } | null)[] | null } } | null;
}

export async function readDiscussionCategories(octokit: GitHub, repo: RepoFullName): Promise<DiscussionCategories> {
  const [owner, name] = repo.split("/");
  let data: Partial<Answer>;
  try {
    data = await withoutNotFound(octokit.graphql<Answer>(DISCUSSION_CATEGORIES_QUERY, { owner, name }));
  } catch (error) {
    if (refusedForPermission(error)) return { kind: "refused" };
    throw error;
  }
  if (!data.repository) return { kind: "no-repo" };
  const { hasDiscussionsEnabled, discussionCategories } = data.repository;
  const categories = hasDiscussionsEnabled ? (discussionCategories.nodes ?? []).flatMap((node) => (node ? [node.name] : [])) : [];
  return { kind: "found", enabled: hasDiscussionsEnabled, categories };
}

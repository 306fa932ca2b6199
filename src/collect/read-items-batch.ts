import type { GitHub } from "../github.js";
import type { AgendaItem, RepoFullName } from "../model.js";
import { fromGraphQLNode, itemSelection, type GraphQLItemNode } from "./graphql-item.js";
import { itemKey } from "./item-key.js";

// Items read one by one cost a REST call each, and a storm of label events under search lag
// names many: GraphQL reads up to 100 of them, and their repositories' visibility, in one query.

const ITEMS_PER_QUERY = 100;

export interface ItemsBatch {
  /** By lower-cased `owner/name`: whether the repository is public; null when GraphQL does not find it; absent when renamed. */
  repos: Map<string, boolean | null>;
  /**
   * By the `itemKey` asked: the item as it is now; null when GraphQL does not find it there, which
   * is also what it answers for an item transferred away (REST, which follows the move, tells);
   * absent for the items of a renamed repository, which REST reads under its new name.
   */
  items: Map<string, { item: AgendaItem; open: boolean; category?: string } | null>;
  /** `itemKey`s asked whose read GitHub refused for the token's permissions (a discussion without the Discussions permission): null in `items`, but not known to be gone. */
  refused: Set<string>;
}

const ITEM_FIELDS = `__typename ${itemSelection("Issue")} ${itemSelection("PullRequest")}`;
const DISCUSSION_FIELDS = `__typename ${itemSelection("Discussion")}`;

/** An item to read; a discussion is asked for as one (GraphQL reads it apart from issues and pull requests). */
export interface BatchRef {
  repo: RepoFullName;
  number: number;
  discussion?: boolean;
}

type RepositoryNode = { nameWithOwner: string; visibility: string } & Record<string, GraphQLItemNode | null | string>;

export async function readItemsBatch(octokit: GitHub, refs: BatchRef[]): Promise<ItemsBatch> {
  const batch: ItemsBatch = { repos: new Map(), items: new Map(), refused: new Set() };
  for (let start = 0; start < refs.length; start += ITEMS_PER_QUERY) {
    const chunk = refs.slice(start, start + ITEMS_PER_QUERY);
    const byRepo = new Map<string, BatchRef[]>();
    for (const ref of chunk) byRepo.set(ref.repo.toLowerCase(), [...(byRepo.get(ref.repo.toLowerCase()) ?? []), ref]);
    const groups = [...byRepo.values()];
    const fields = groups.map((group, repoIndex) => {
      const [owner = "", name = ""] = (group[0]?.repo ?? "").split("/");
      const items = group
        .map((ref, index) => (ref.discussion ? `i${index}: discussion(number: ${ref.number}) { ${DISCUSSION_FIELDS} }` : `i${index}: issueOrPullRequest(number: ${ref.number}) { ${ITEM_FIELDS} }`))
        .join("\n");
      return `r${repoIndex}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { nameWithOwner visibility\n${items} }`;
    });
    const { data, refused } = await withRefusals(octokit.graphql<Record<string, RepositoryNode | null>>(`query { ${fields.join("\n")} }`), chunk.some((ref) => ref.discussion));
    groups.forEach((group, repoIndex) => {
      const repository = data[`r${repoIndex}`] ?? null;
      const repo = group[0]?.repo ?? ("" as RepoFullName);
      // GraphQL answers a renamed repository under its old name: REST, which the batch leaves its
      // items to, tells their new name, which the visibility rule and the agenda then go by.
      if (repository !== null && repository.nameWithOwner.toLowerCase() !== repo.toLowerCase()) return;
      batch.repos.set(repo.toLowerCase(), repository === null ? null : repository.visibility === "PUBLIC");
      group.forEach((ref, index) => {
        const node = repository?.[`i${index}`];
        const read = typeof node === "object" && node !== null ? { ...fromGraphQLNode(ref.repo, node), ...(node.category ? { category: node.category.name } : {}) } : null;
        batch.items.set(itemKey(ref), read);
        if (refused.has(`r${repoIndex}.i${index}`)) batch.refused.add(itemKey(ref));
      });
    });
  }
  return batch;
}

interface GraphQLError {
  type?: string;
  path?: (string | number)[];
}

/**
 * A GraphQL answer's data when its only errors are things GraphQL does not find (those fields are
 * null in it), or, when `discussions` are asked for, fields the token may not read: without the
 * Discussions permission GitHub refuses each discussion field, and the rest is read. Those fields'
 * paths (`r0.i3`) are `refused`. Any other error is thrown.
 */
async function withRefusals<T>(answer: Promise<T>, discussions: boolean): Promise<{ data: Partial<T>; refused: Set<string> }> {
  try {
    return { data: await answer, refused: new Set() };
  } catch (error) {
    const { errors, data } = error as { errors?: GraphQLError[]; data?: Partial<T> };
    const tolerated = (each: GraphQLError) => each.type === "NOT_FOUND" || (discussions && each.type === "FORBIDDEN");
    if (!Array.isArray(errors) || errors.length === 0 || !errors.every(tolerated) || !data) throw error;
    return { data, refused: new Set(errors.filter((each) => each.type === "FORBIDDEN").map((each) => (each.path ?? []).join("."))) };
  }
}

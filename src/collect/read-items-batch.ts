import { withoutNotFound, type GitHub } from "../github.js";
import type { AgendaItem, RepoFullName } from "../model.js";
import { itemKey } from "./item-key.js";

// Items read one by one cost a REST call each, and a storm of label events under search lag
// names many: GraphQL reads up to 100 of them, and their repositories' visibility, in one query.

const ITEMS_PER_QUERY = 100;
const LABELS_PER_ITEM = 100;

export interface ItemsBatch {
  /** By lower-cased `owner/name`: whether the repository is public; null when GraphQL does not find it. */
  repos: Map<string, boolean | null>;
  /**
   * By the `itemKey` asked: the item as it is now; null when GraphQL does not find it there, which
   * is also what it answers for an item transferred away (REST, which follows the move, tells).
   */
  items: Map<string, { item: AgendaItem; open: boolean } | null>;
}

const ITEM_FIELDS = `__typename
  ... on Issue { number title url state createdAt updatedAt author { login } labels(first: ${LABELS_PER_ITEM}) { nodes { name } } }
  ... on PullRequest { number title url prState: state isDraft createdAt updatedAt author { login } labels(first: ${LABELS_PER_ITEM}) { nodes { name } } }`;

interface ItemNode {
  __typename: "Issue" | "PullRequest";
  number: number;
  title: string;
  url: string;
  /** An issue's. */
  state?: string;
  /** A pull request's (OPEN, CLOSED, MERGED): GraphQL types the two apart. */
  prState?: string;
  isDraft?: boolean;
  createdAt: string;
  updatedAt: string;
  author: { login: string } | null;
  labels: { nodes: { name: string }[] };
}

type RepositoryNode = { visibility: string } & Record<string, ItemNode | null | string>;

export async function readItemsBatch(octokit: GitHub, refs: { repo: RepoFullName; number: number }[]): Promise<ItemsBatch> {
  const batch: ItemsBatch = { repos: new Map(), items: new Map() };
  for (let start = 0; start < refs.length; start += ITEMS_PER_QUERY) {
    const chunk = refs.slice(start, start + ITEMS_PER_QUERY);
    const byRepo = new Map<string, { repo: RepoFullName; number: number }[]>();
    for (const ref of chunk) byRepo.set(ref.repo.toLowerCase(), [...(byRepo.get(ref.repo.toLowerCase()) ?? []), ref]);
    const groups = [...byRepo.values()];
    const fields = groups.map((group, repoIndex) => {
      const [owner = "", name = ""] = (group[0]?.repo ?? "").split("/");
      const items = group.map((ref, index) => `i${index}: issueOrPullRequest(number: ${ref.number}) { ${ITEM_FIELDS} }`).join("\n");
      return `r${repoIndex}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { visibility\n${items} }`;
    });
    const data = await withoutNotFound(octokit.graphql<Record<string, RepositoryNode | null>>(`query { ${fields.join("\n")} }`));
    groups.forEach((group, repoIndex) => {
      const repository = data[`r${repoIndex}`] ?? null;
      const repo = group[0]?.repo ?? ("" as RepoFullName);
      batch.repos.set(repo.toLowerCase(), repository === null ? null : repository.visibility === "PUBLIC");
      group.forEach((ref, index) => {
        const node = repository?.[`i${index}`];
        batch.items.set(itemKey(ref), typeof node === "object" && node !== null ? toItem(ref.repo, node) : null);
      });
    });
  }
  return batch;
}

function toItem(repo: RepoFullName, node: ItemNode): { item: AgendaItem; open: boolean } {
  const isPullRequest = node.__typename === "PullRequest";
  const item: AgendaItem = {
    repo,
    number: node.number,
    kind: isPullRequest ? "pull_request" : "issue",
    title: node.title,
    url: node.url,
    author: node.author?.login ?? null,
    labels: node.labels.nodes.map((label) => label.name),
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    ...(isPullRequest ? { draft: node.isDraft === true } : {}),
  };
  return { item, open: (isPullRequest ? node.prState : node.state) === "OPEN" };
}


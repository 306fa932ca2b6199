import type { AgendaItem, RepoFullName } from "../model.js";

// Issues, pull requests and discussions as GraphQL answers them, wherever the app reads them that
// way (a batch of items, a project board, discussion search): one mapping into agenda items.

const LABELS_PER_ITEM = 100;

/** The fields every node type shares. */
const GRAPHQL_ITEM_FIELDS = `number title url createdAt updatedAt author { __typename login } labels(first: ${LABELS_PER_ITEM}) { nodes { name } }`;

/** Each type's own fields: its open state, under a name of its own where GraphQL types them apart. */
const OWN_FIELDS = {
  Issue: "state",
  PullRequest: "prState: state isDraft",
  Discussion: "closed category { name }",
} as const;

/** The selection of a node of `type` that `fromGraphQLNode` maps, with `extra` fields the caller reads itself. */
export function itemSelection(type: GraphQLItemNode["__typename"], extra = ""): string {
  return `... on ${type} { ${GRAPHQL_ITEM_FIELDS} ${OWN_FIELDS[type]}${extra ? ` ${extra}` : ""} }`;
}

export interface GraphQLItemNode {
  __typename: "Issue" | "PullRequest" | "Discussion";
  number: number;
  title: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  /** A bot's login is its app's slug (`dependabot`); REST and search say `dependabot[bot]`. */
  author: { __typename?: string; login: string } | null;
  labels: { nodes: { name: string }[] } | null;
  /** An issue's (OPEN, CLOSED). */
  state?: string;
  /** A pull request's (OPEN, CLOSED, MERGED). */
  prState?: string;
  isDraft?: boolean;
  /** A discussion's. */
  closed?: boolean;
  category?: { name: string };
}

/** A node as an agenda item of `repo`, and whether it is open. */
export function fromGraphQLNode(repo: RepoFullName, node: GraphQLItemNode): { item: AgendaItem; open: boolean } {
  const kind = node.__typename === "PullRequest" ? "pull_request" : node.__typename === "Discussion" ? "discussion" : "issue";
  const item: AgendaItem = {
    repo,
    number: node.number,
    kind,
    title: node.title,
    url: node.url,
    author: node.author ? (node.author.__typename === "Bot" ? `${node.author.login}[bot]` : node.author.login) : null,
    labels: (node.labels?.nodes ?? []).map((label) => label.name),
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    ...(kind === "pull_request" ? { draft: node.isDraft === true } : {}),
  };
  const open = kind === "discussion" ? node.closed === false : (kind === "pull_request" ? node.prState : node.state) === "OPEN";
  return { item, open };
}

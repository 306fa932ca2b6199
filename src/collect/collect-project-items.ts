import { withoutNotFound, type GitHub } from "../github.js";
import type { AgendaItem, Meeting, ProjectSource, RepoFullName } from "../model.js";
import { fromGraphQLNode, itemSelection, type GraphQLItemNode } from "./graphql-item.js";
import { mayShowRepo } from "./visibility.js";

// A Projects (v2) board as the agenda (`sources.project`): its items whose field has the value,
// read 100 a GraphQL query, and of those only the open issues and pull requests the visibility
// rule lets the meeting show. A draft issue has no repository (the rule cannot place it) and no
// address outside the board: it is left out, as is an item of a repository the app cannot see
// (GitHub redacts it), an archived one and a closed one. A private board's items reach only a
// private home repo's meeting: that an item is on it is the board's own information.

const ITEMS_PER_PAGE = 100;
/** Pages read at most (10,000 items): a board may hold 50,000; past this, the agenda says it is cut. */
const MOST_PAGES = 100;

const REPOSITORY_FIELDS = "repository { nameWithOwner visibility }";

export const PROJECT_ITEMS_QUERY = `query ($owner: String!, $number: Int!, $field: String!, $after: String) {
  repositoryOwner(login: $owner) {
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        public
        url
        items(first: ${ITEMS_PER_PAGE}, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            isArchived
            fieldValueByName(name: $field) {
              ... on ProjectV2ItemFieldSingleSelectValue { name }
              ... on ProjectV2ItemFieldTextValue { text }
            }
            content {
              __typename
              ${itemSelection("Issue", REPOSITORY_FIELDS)}
              ${itemSelection("PullRequest", REPOSITORY_FIELDS)}
            }
          }
        }
      }
    }
  }
}`;

type ContentNode = (Omit<GraphQLItemNode, "__typename"> & { __typename: GraphQLItemNode["__typename"] | "DraftIssue" }) & {
  repository: { nameWithOwner: string; visibility: string };
};

interface ItemNode {
  isArchived: boolean;
  fieldValueByName: { name?: string | null; text?: string | null } | null;
  content: ContentNode | null;
}

interface ProjectPage {
  repositoryOwner?: {
    projectV2?: { public: boolean; url: string; items: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: (ItemNode | null)[] } } | null;
  } | null;
}

export interface ProjectItems {
  /** The board's address; absent when GitHub does not find the project (or the app may not see it). */
  url?: string;
  /** The board is private and the home repo public: nothing of it is shown. */
  privateBoard: boolean;
  items: AgendaItem[];
  /** The board holds more items than are read. */
  truncated: boolean;
  requests: number;
}

/** The items of the meeting's board that are on its agenda, as the home repo may show them. */
export async function collectProjectItems(octokit: GitHub, meeting: Meeting, source: ProjectSource, home: { private: boolean }): Promise<ProjectItems> {
  const items: AgendaItem[] = [];
  let after: string | null = null;
  for (let page = 1; ; page++) {
    const data: Partial<ProjectPage> = await withoutNotFound(
      octokit.graphql<ProjectPage>(PROJECT_ITEMS_QUERY, { owner: source.owner, number: source.number, field: source.field, after }),
    );
    const project = data.repositoryOwner?.projectV2;
    if (!project) return { privateBoard: false, items: [], truncated: false, requests: page };
    if (!project.public && !home.private) return { url: project.url, privateBoard: true, items: [], truncated: false, requests: page };
    for (const node of project.items.nodes) {
      const item = node && agendaItem(meeting, source, node, home);
      if (item) items.push(item);
    }
    const { hasNextPage, endCursor } = project.items.pageInfo;
    if (!hasNextPage || endCursor === null) return { url: project.url, privateBoard: false, items, truncated: false, requests: page };
    if (page >= MOST_PAGES) return { url: project.url, privateBoard: false, items, truncated: true, requests: page };
    after = endCursor;
  }
}

/** Whether an item's value is the source's: an option's name or a text, compared as GitHub compares names, without case. */
export function matchesValue(source: ProjectSource, value: ItemNode["fieldValueByName"]): boolean {
  const text = value?.name ?? value?.text;
  return typeof text === "string" && text.trim().toLowerCase() === source.value.trim().toLowerCase();
}

function agendaItem(meeting: Meeting, source: ProjectSource, node: ItemNode, home: { private: boolean }): AgendaItem | undefined {
  const content = node.content;
  if (node.isArchived || !content || content.__typename === "DraftIssue" || !matchesValue(source, node.fieldValueByName)) return undefined;
  const repo = content.repository.nameWithOwner as RepoFullName;
  const read = fromGraphQLNode(repo, content as GraphQLItemNode);
  if (!read.open) return undefined;
  if (!mayShowRepo(meeting, repo, { homePrivate: home.private, repoPublic: content.repository.visibility === "PUBLIC" })) return undefined;
  return read.item;
}

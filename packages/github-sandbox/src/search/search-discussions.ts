import { canRead, discussionPermission, isInstalledOn, type Actor } from "../access.js";
import { categoryOf } from "../discussions/create-discussions.js";
import type { DiscussionRecord, RepoRecord, SandboxState } from "../state.js";
import { parseLegacyQuery } from "./parse-legacy-query.js";
import { matchesSearchItem } from "./matches-search-item.js";
import type { Qualifier, QueryNode } from "./query-tree.js";

// Discussion search (`search(type: DISCUSSION)`) never got issues' advanced search: it reads the
// older syntax, where repeated `repo:`/`org:`/`user:` are a union and `OR` is text. People report
// that its `label:` takes neither a comma list of alternatives nor negation
// (github.com/orgs/community/discussions/72751); the sandbox reads `label:a,b` as the one label
// `a,b` (which finds nothing unless a label has that name) and ignores a negated qualifier, so a
// client that counts on either gets results it does not expect.

export interface DiscussionMatch {
  repo: RepoRecord;
  discussion: DiscussionRecord;
}

/** A discussion search query as GitHub reads it, or its 422. */
export function parseDiscussionQuery(q: string): QueryNode {
  return asDiscussionQuery(parseLegacyQuery(q));
}

function asDiscussionQuery(node: QueryNode): QueryNode {
  switch (node.kind) {
    case "and":
    case "or":
      return { kind: node.kind, children: node.children.filter((child) => !(child.kind === "not" && child.child.kind === "qualifier")).map(asDiscussionQuery) };
    case "not":
      return { kind: "not", child: asDiscussionQuery(node.child) };
    case "qualifier":
      return node.key === "label" ? { ...node, values: [node.values.join(",")] } : node;
    case "text": {
      const category = /^category:(.+)$/i.exec(node.text);
      return category ? { kind: "qualifier", key: "category", values: [category[1] ?? ""] } : node;
    }
  }
}

/**
 * The discussions that match `query` in the repositories `actor` may search, newest first. An
 * installation searches those it is installed on, and only with its `discussions` permission.
 */
export function searchDiscussions(state: SandboxState, actor: Actor, query: QueryNode): DiscussionMatch[] {
  const matches: DiscussionMatch[] = [];
  for (const repo of state.repos.values()) {
    if (!repo.hasDiscussions || !searchable(state, actor, repo)) continue;
    for (const discussion of repo.discussions?.values() ?? []) {
      if (matchesDiscussionQuery(query, repo, discussion)) matches.push({ repo, discussion });
    }
  }
  return matches.sort((a, b) => b.discussion.id - a.discussion.id);
}

function searchable(state: SandboxState, actor: Actor, repo: RepoRecord): boolean {
  if (actor.kind === "installation" && !isInstalledOn(actor, repo)) return false;
  return canRead(state, actor, repo) && discussionPermission(state, actor, repo) !== "none";
}

function matchesDiscussionQuery(query: QueryNode, repo: RepoRecord, discussion: DiscussionRecord): boolean {
  const item = {
    repo,
    title: discussion.title,
    body: discussion.body,
    // The sandbox keeps no discussion comments.
    comments: [],
    labels: discussion.labels,
    author: discussion.author,
    closed: discussion.closed,
    locked: discussion.locked,
    createdAt: discussion.createdAt,
    updatedAt: discussion.updatedAt,
  };
  return matchesSearchItem(query, item, { qualifier: (qualifier) => qualifierHolds(qualifier, repo, discussion), state: (value) => hasState(value, repo, discussion) });
}

function qualifierHolds(qualifier: Qualifier, repo: RepoRecord, discussion: DiscussionRecord): boolean {
  // Issue qualifiers (`assignee:`, `draft:`...) mean nothing to a discussion.
  if (qualifier.key !== "category") return false;
  const category = categoryOf(repo, discussion);
  return qualifier.values.some((value) => value.toLowerCase() === category.name.toLowerCase() || value.toLowerCase() === category.slug);
}

function hasState(value: string, repo: RepoRecord, discussion: DiscussionRecord): boolean | undefined {
  switch (value) {
    case "discussion":
      return true;
    case "answered":
      return false;
    case "unanswered":
      return categoryOf(repo, discussion).isAnswerable;
    default:
      return undefined;
  }
}

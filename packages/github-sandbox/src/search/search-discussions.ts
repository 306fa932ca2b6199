import { canRead, discussionPermission, isInstalledOn, type Actor } from "../access.js";
import { categoryOf } from "../discussions/create-discussions.js";
import type { DiscussionRecord, RepoRecord, SandboxState } from "../state.js";
import { parseLegacyQuery } from "./parse-legacy-query.js";
import { queryHolds, searchInvalid, type Qualifier, type QueryNode } from "./query-tree.js";

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
  const fields = [discussion.title, discussion.body].map((field) => field.toLowerCase());
  return queryHolds(query, (text) => fields.some((field) => field.includes(text.toLowerCase())), (qualifier) => qualifierHolds(qualifier, repo, discussion));
}

function qualifierHolds(qualifier: Qualifier, repo: RepoRecord, discussion: DiscussionRecord): boolean {
  const any = (test: (value: string) => boolean) => qualifier.values.some((value) => test(value.toLowerCase()));
  switch (qualifier.key) {
    case "repo":
      return any((value) => value === `${repo.owner}/${repo.name}`.toLowerCase());
    case "org":
    case "user":
      return any((value) => value === repo.owner.toLowerCase());
    case "label":
      return any((value) => discussion.labels.some((label) => label.toLowerCase() === value));
    case "category": {
      const category = categoryOf(repo, discussion);
      return any((value) => value === category.name.toLowerCase() || value === category.slug);
    }
    case "author":
      return any((value) => value === discussion.author?.toLowerCase());
    case "is":
    case "state":
      return any((value) => hasState(value, repo, discussion));
    case "in":
      return true;
    default:
      // Issue qualifiers (`assignee:`, `draft:`...) mean nothing to a discussion.
      return false;
  }
}

function hasState(value: string, repo: RepoRecord, discussion: DiscussionRecord): boolean {
  switch (value) {
    case "open":
      return !discussion.closed;
    case "closed":
      return discussion.closed;
    case "locked":
      return discussion.locked;
    case "unlocked":
      return !discussion.locked;
    case "answered":
      return false;
    case "unanswered":
      return categoryOf(repo, discussion).isAnswerable;
    case "public":
      return repo.visibility === "public";
    case "private":
      return repo.visibility !== "public";
    default:
      throw searchInvalid(`"${value}" is not a recognized value for the is: qualifier.`);
  }
}

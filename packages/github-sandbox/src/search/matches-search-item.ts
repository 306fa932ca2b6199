import type { RepoRecord } from "../state.js";
import { qualifiersOf, queryHolds, searchInvalid, type Qualifier, type QueryNode } from "./query-tree.js";

// What issue search and discussion search read alike: GitHub documents the same scope, `label:`,
// `author:`, `in:`, `is:` (state, lock, visibility) and `created:`/`updated:` qualifiers for both
// ("Searching issues and pull requests", "Searching discussions"). Each kind adds its own.

/** An issue, a pull request or a discussion, as a search reads it. */
export interface SearchItem {
  repo: RepoRecord;
  title: string;
  body: string;
  comments: string[];
  labels: string[];
  author: string | null;
  closed: boolean;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What one kind of item understands beyond what both share. */
export interface OwnQualifiers {
  /** Whether a qualifier the shared ones are not holds. */
  qualifier(qualifier: Qualifier): boolean;
  /** Whether an `is:` value the shared ones are not holds; undefined for a value GitHub refuses. */
  state(value: string): boolean | undefined;
}

/**
 * Whether an item matches a parsed query: AND, OR and NOT as written, the values of one qualifier
 * as alternatives, and each text term found in the fields `in:` names.
 */
export function matchesSearchItem(query: QueryNode, item: SearchItem, own: OwnQualifiers): boolean {
  const fields = searchedFields(query, item);
  return queryHolds(
    query,
    (text) => fields.some((field) => field.includes(text.toLowerCase())),
    (qualifier) => qualifierHolds(qualifier, item, own),
  );
}

function qualifierHolds(qualifier: Qualifier, item: SearchItem, own: OwnQualifiers): boolean {
  const any = (test: (value: string) => boolean) => qualifier.values.some((value) => test(value.toLowerCase()));
  switch (qualifier.key) {
    case "repo":
      return any((value) => value === `${item.repo.owner}/${item.repo.name}`.toLowerCase());
    case "org":
    case "user":
      return any((value) => value === item.repo.owner.toLowerCase());
    case "label":
      return any((value) => item.labels.some((label) => label.toLowerCase() === value));
    case "author":
      return any((value) => value === item.author?.toLowerCase());
    case "is":
    case "type":
    case "state":
      return any((value) => {
        const holds = sharedState(value, item) ?? own.state(value);
        if (holds === undefined) throw searchInvalid(`"${value}" is not a recognized value for the is: qualifier.`);
        return holds;
      });
    case "created":
      return any((value) => inDateRange(value, item.createdAt));
    case "updated":
      return any((value) => inDateRange(value, item.updatedAt));
    case "in":
      return true;
    default:
      return own.qualifier(qualifier);
  }
}

function sharedState(value: string, item: SearchItem): boolean | undefined {
  switch (value) {
    case "open":
      return !item.closed;
    case "closed":
      return item.closed;
    case "locked":
      return item.locked;
    case "unlocked":
      return !item.locked;
    case "public":
      return item.repo.visibility === "public";
    case "private":
      return item.repo.visibility !== "public";
    default:
      return undefined;
  }
}

/** `2024-03-01`, `>=2024-03-01`, `<2024-03-01T12:00:00Z`, `2024-03-01..2024-03-31` (inclusive, by day). */
export function inDateRange(range: string, instant: string): boolean {
  const time = Date.parse(instant);
  const bound = (value: string, end: boolean) => {
    const parsed = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(parsed)) throw searchInvalid(`"${range}" is not a valid date range.`);
    return end && value.length === 10 ? parsed + 86_400_000 - 1 : parsed;
  };
  const between = /^(.+)\.\.(.+)$/.exec(range);
  if (between) {
    const [, from = "", to = ""] = between;
    return (from === "*" || time >= bound(from, false)) && (to === "*" || time <= bound(to, true));
  }
  const comparison = /^(>=|<=|>|<)?(.+)$/.exec(range);
  const [, operator = "", value = ""] = comparison ?? [];
  switch (operator) {
    case ">=":
      return time >= bound(value, false);
    case ">":
      return time > bound(value, true);
    case "<=":
      return time <= bound(value, true);
    case "<":
      return time < bound(value, false);
    default:
      return time >= bound(value, false) && time <= bound(value, true);
  }
}

function searchedFields(query: QueryNode, item: SearchItem): string[] {
  const wanted = new Set(qualifiersOf(query).filter((qualifier) => qualifier.key === "in").flatMap((qualifier) => qualifier.values.map((value) => value.toLowerCase())));
  const all = wanted.size === 0;
  return [
    ...(all || wanted.has("title") ? [item.title] : []),
    ...(all || wanted.has("body") ? [item.body] : []),
    ...(all || wanted.has("comments") ? item.comments : []),
  ].map((field) => field.toLowerCase());
}

import type { IssueRecord, RepoRecord } from "../state.js";
import { qualifiersOf, queryHolds, searchInvalid, type Qualifier, type QueryNode } from "./query-tree.js";

/**
 * Whether an issue or pull request matches a parsed query: AND, OR and NOT as written, the values
 * of one qualifier as alternatives, and each text term found in the fields `in:` names.
 */
export function matchesIssueQuery(query: QueryNode, repo: RepoRecord, issue: IssueRecord): boolean {
  const fields = searchedFields(query, issue);
  return queryHolds(
    query,
    (text) => fields.some((field) => field.includes(text.toLowerCase())),
    (qualifier) => (isScope(qualifier) ? inScope(qualifier, repo) : qualifierHolds(qualifier, repo, issue)),
  );
}

function isScope(qualifier: Qualifier): boolean {
  return qualifier.key === "repo" || qualifier.key === "org" || qualifier.key === "user";
}

function inScope(qualifier: Qualifier, repo: RepoRecord): boolean {
  const target = qualifier.key === "repo" ? `${repo.owner}/${repo.name}` : repo.owner;
  return qualifier.values.some((value) => value.toLowerCase() === target.toLowerCase());
}

function qualifierHolds(qualifier: Qualifier, repo: RepoRecord, issue: IssueRecord): boolean {
  const is = (value: string) => value.toLowerCase();
  switch (qualifier.key) {
    case "label":
      return qualifier.values.some((value) => issue.labels.some((label) => label.toLowerCase() === is(value)));
    case "is":
    case "type":
    case "state":
      return qualifier.values.some((value) => hasState(is(value), repo, issue));
    case "author":
      return qualifier.values.some((value) => issue.author?.toLowerCase() === is(value));
    case "assignee":
      return qualifier.values.some((value) => issue.assignees.some((login) => login.toLowerCase() === is(value)));
    case "no":
      return qualifier.values.some((value) =>
        is(value) === "label" ? issue.labels.length === 0 : is(value) === "assignee" ? issue.assignees.length === 0 : false,
      );
    case "draft":
      return issue.pullRequest !== undefined && qualifier.values.some((value) => String(issue.pullRequest?.draft) === is(value));
    case "archived":
      return qualifier.values.some((value) => String(repo.archived) === is(value));
    case "created":
      return qualifier.values.some((value) => inDateRange(value, issue.createdAt));
    case "updated":
      return qualifier.values.some((value) => inDateRange(value, issue.updatedAt));
    case "closed":
      return issue.closedAt !== null && qualifier.values.some((value) => inDateRange(value, issue.closedAt ?? ""));
    case "in":
      return true;
    default:
      throw new Error(`sandbox search: qualifier ${qualifier.key}: is parsed but not matched`);
  }
}

function hasState(value: string, repo: RepoRecord, issue: IssueRecord): boolean {
  switch (value) {
    case "open":
    case "closed":
      return issue.state === value;
    case "issue":
      return issue.pullRequest === undefined;
    case "pr":
    case "pull-request":
      return issue.pullRequest !== undefined;
    case "public":
      return repo.visibility === "public";
    case "private":
      return repo.visibility !== "public";
    case "internal":
      return repo.visibility === "internal";
    case "locked":
      return issue.locked;
    case "unlocked":
      return !issue.locked;
    case "draft":
      return issue.pullRequest?.draft === true;
    case "merged":
      return Boolean(issue.pullRequest?.mergedAt);
    case "unmerged":
      return issue.pullRequest !== undefined && !issue.pullRequest.mergedAt && issue.state === "closed";
    default:
      throw searchInvalid(`"${value}" is not a recognized value for the is: qualifier.`);
  }
}

/** `2024-03-01`, `>=2024-03-01`, `<2024-03-01T12:00:00Z`, `2024-03-01..2024-03-31` (inclusive, by day). */
function inDateRange(range: string, instant: string): boolean {
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

function searchedFields(query: QueryNode, issue: IssueRecord): string[] {
  const wanted = new Set(qualifiersOf(query).filter((qualifier) => qualifier.key === "in").flatMap((qualifier) => qualifier.values.map((value) => value.toLowerCase())));
  const all = wanted.size === 0;
  return [
    ...(all || wanted.has("title") ? [issue.title] : []),
    ...(all || wanted.has("body") ? [issue.body ?? ""] : []),
    ...(all || wanted.has("comments") ? issue.comments.map((comment) => comment.body) : []),
  ].map((field) => field.toLowerCase());
}

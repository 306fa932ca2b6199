import type { IssueRecord, RepoRecord } from "../state.js";
import { inDateRange, matchesSearchItem } from "./matches-search-item.js";
import type { Qualifier, QueryNode } from "./query-tree.js";

/** Whether an issue or pull request matches a parsed query, with the qualifiers only issue search has. */
export function matchesIssueQuery(query: QueryNode, repo: RepoRecord, issue: IssueRecord): boolean {
  const item = {
    repo,
    title: issue.title,
    body: issue.body ?? "",
    comments: issue.comments.map((comment) => comment.body),
    labels: issue.labels,
    author: issue.author,
    closed: issue.state === "closed",
    locked: issue.locked,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
  };
  return matchesSearchItem(query, item, { qualifier: (qualifier) => qualifierHolds(qualifier, repo, issue), state: (value) => hasState(value, repo, issue) });
}

function qualifierHolds(qualifier: Qualifier, repo: RepoRecord, issue: IssueRecord): boolean {
  const is = (value: string) => value.toLowerCase();
  switch (qualifier.key) {
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
    case "closed":
      return issue.closedAt !== null && qualifier.values.some((value) => inDateRange(value, issue.closedAt ?? ""));
    default:
      throw new Error(`sandbox search: qualifier ${qualifier.key}: is parsed but not matched`);
  }
}

function hasState(value: string, repo: RepoRecord, issue: IssueRecord): boolean | undefined {
  switch (value) {
    case "issue":
      return issue.pullRequest === undefined;
    case "pr":
    case "pull-request":
      return issue.pullRequest !== undefined;
    case "internal":
      return repo.visibility === "internal";
    case "draft":
      return issue.pullRequest?.draft === true;
    case "merged":
      return Boolean(issue.pullRequest?.mergedAt);
    case "unmerged":
      return issue.pullRequest !== undefined && !issue.pullRequest.mergedAt && issue.state === "closed";
    default:
      return undefined;
  }
}

import { canRead, isInstalledOn, type Actor } from "../access.js";
import type { IssueRecord, RepoRecord, SandboxState } from "../state.js";
import { matchesIssueQuery } from "./matches-issue-query.js";
import type { QueryNode } from "./query-tree.js";

/** GitHub serves at most this many results of one search, whatever the page. */
export const SEARCH_RESULT_CAP = 1000;

export interface IssueMatch {
  repo: RepoRecord;
  issue: IssueRecord;
}

/**
 * The issues and pull requests that match `query` in the repositories `actor` may search, newest
 * first: the sandbox has no text ranking, and newest first is stable and plausible.
 */
export function searchIssues(state: SandboxState, actor: Actor, query: QueryNode): IssueMatch[] {
  const matches: IssueMatch[] = [];
  for (const repo of state.repos.values()) {
    if (!searchable(state, actor, repo)) continue;
    for (const issue of repo.issues.values()) {
      if (matchesIssueQuery(query, repo, issue)) matches.push({ repo, issue });
    }
  }
  return matches.sort((a, b) => b.issue.id - a.issue.id);
}

/** An installation searches the repositories it is installed on; a user those they can read. */
function searchable(state: SandboxState, actor: Actor, repo: RepoRecord): boolean {
  return actor.kind === "installation" ? isInstalledOn(actor, repo) : canRead(state, actor, repo);
}

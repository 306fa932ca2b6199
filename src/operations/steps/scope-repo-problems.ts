import type { GitHub } from "../../github.js";
import { canReadRepo } from "../../collect/can-read-repo.js";
import type { RepoFullName } from "../../model.js";
import type { LoadedConfig } from "../../config/load-config.js";
import type { ConfigProblem } from "../../config/problem.js";
import { unreachableRepoProblem } from "../../config/unreachable-repo-problem.js";

/** A config check reads at most this many repositories of scopes: a file may name any number. */
const MOST_REPOS_READ = 100;

/** Why the app cannot read a repository it is given: GitHub answers 404 for both. */
export const APP_CANNOT_READ = "the app is not installed on it";

/**
 * The repositories the meetings' `scope.repos` and `include_private` name that do not exist or
 * that the client cannot read, each as a problem where it is written. GitHub's search refuses a
 * whole query over such a repository, so the app leaves them out; the person who wrote them is told.
 */
export async function scopeRepoProblems(octokit: GitHub, loaded: LoadedConfig, why: string = APP_CANNOT_READ): Promise<ConfigProblem[]> {
  const readable = new Map<string, boolean>();
  const problems: ConfigProblem[] = [];
  for (const meeting of loaded.meetings) {
    for (const repo of new Set<RepoFullName>([...meeting.scope.repos, ...meeting.includePrivate])) {
      const key = repo.toLowerCase();
      if (!readable.has(key)) {
        if (readable.size >= MOST_REPOS_READ) break;
        readable.set(key, await canReadRepo(octokit, repo));
      }
      if (readable.get(key) === false) problems.push(unreachableRepoProblem(loaded, meeting, repo, why));
    }
  }
  return problems;
}

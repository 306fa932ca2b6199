import type { Meeting, RepoFullName } from "../model.js";
import { inScope, isHomeOf } from "./in-scope.js";

// The one rule for which repositories' items a meeting may show. Whatever the app writes (the
// meeting issue, its state, the minutes, replies to commands) goes into the home repo, where
// everyone who can read the home repo reads it. So an item of a private or internal repository
// may appear only where the same readers could see it anyway: in a private home repo's meeting,
// and only from the home repo itself and the repositories its config names in `include_private`.
// Every read that can put an item's data into something the app writes goes through this rule,
// at the time of writing; it fails closed (a repository whose visibility is unknown is private).

/** What the rule says of one repository, with the reason when it is not shown. */
export type Visibility =
  | "shown"
  | "out-of-scope"
  /** Not public, and the home repo is public. */
  | "not-public-in-public-home"
  /** Not public, the home repo is private, but `include_private` does not list it. */
  | "not-public-not-included";

export interface VisibilityFacts {
  /** Whether the meeting's home repo is private (or internal). */
  homePrivate: boolean;
  /** Whether the item's repository is public. */
  repoPublic: boolean;
}

export function repoVisibility(meeting: Meeting, repo: RepoFullName, facts: VisibilityFacts): Visibility {
  if (!inScope(meeting, repo)) return "out-of-scope";
  if (facts.repoPublic) return "shown";
  if (!facts.homePrivate) return "not-public-in-public-home";
  return isHomeOf(meeting, repo) || isIncludedPrivate(meeting, repo) ? "shown" : "not-public-not-included";
}

export function mayShowRepo(meeting: Meeting, repo: RepoFullName, facts: VisibilityFacts): boolean {
  return repoVisibility(meeting, repo, facts) === "shown";
}

/** The repositories whose non-public items a private home repo's meeting may show: the home repo and `include_private`, within the scope. */
export function privateReposShown(meeting: Meeting): RepoFullName[] {
  const home: RepoFullName = `${meeting.home.owner}/${meeting.home.repo}`;
  const seen = new Set<string>();
  return [home, ...meeting.includePrivate].filter((repo) => {
    const key = repo.toLowerCase();
    if (seen.has(key) || !inScope(meeting, repo)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether GitHub's description of a repository (`GET /repos`, or a search result's `repository`)
 * says it is public. `visibility` is `internal` for repositories of an enterprise's members only;
 * a description that says nothing counts as not public.
 */
export function isPublicRepository(repository: { private?: boolean | null; visibility?: string | null } | null | undefined): boolean {
  if (!repository || repository.private === true) return false;
  const visibility = repository.visibility ?? (repository.private === false ? "public" : undefined);
  return visibility === "public";
}

function isIncludedPrivate(meeting: Meeting, repo: RepoFullName): boolean {
  const key = repo.toLowerCase();
  return meeting.includePrivate.some((named) => named.toLowerCase() === key);
}

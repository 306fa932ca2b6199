import { atLeast, canRead, repoPermission, type Permission } from "../access.js";
import { GitHubError, notFound, type RouteRequest } from "../route.js";
import type { RepoRecord } from "../state.js";

/**
 * Refuses a change the actor may not make: 404 when they cannot even see the repository (GitHub
 * does not reveal private repositories), 403 when they can see but not change it.
 */
export function requirePermission(request: RouteRequest, repo: RepoRecord, needed: Permission): void {
  if (!canRead(request.state, request.actor, repo)) throw notFound();
  if (!hasPermission(request, repo, needed)) {
    throw new GitHubError(403, request.actor.kind === "installation" ? "Resource not accessible by integration" : `Must have ${needed} access to repository.`);
  }
  if (repo.archived && needed !== "read") {
    throw new GitHubError(403, "Repository was archived so is read-only.");
  }
}

export function hasPermission(request: RouteRequest, repo: RepoRecord, needed: Permission): boolean {
  return atLeast(repoPermission(request.state, request.actor, repo), needed);
}

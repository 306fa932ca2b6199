import { repoPermission } from "../access.js";
import { GitHubError, githubTimestamp, type Route } from "../route.js";
import { serializeFullRepository } from "../serialize/repository.js";
import type { Visibility } from "../state.js";
import { findReadableRepo } from "./find-repo.js";
import { requirePermission } from "./require-permission.js";

interface RepositoryChanges {
  description?: string | null;
  private?: boolean;
  visibility?: Visibility;
  archived?: boolean;
  default_branch?: string;
}

export const repositoryRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}",
    handle(request) {
      const repo = findReadableRepo(request);
      const permission = repoPermission(request.state, request.actor, repo);
      return { status: 200, body: serializeFullRepository(request.state, repo, permission, request.urls) };
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}",
    handle(request) {
      const repo = findReadableRepo(request);
      const changes = request.body as RepositoryChanges;
      // Unarchiving is the one change an archived repository accepts.
      if (!(repo.archived && changes.archived === false)) requirePermission(request, repo, "admin");
      else if (repoPermission(request.state, request.actor, repo) !== "admin") throw new GitHubError(403, "Must have admin rights to Repository.");
      if (changes.default_branch !== undefined && !repo.refs.has(`refs/heads/${changes.default_branch}`)) {
        throw new GitHubError(422, "Validation Failed", [{ resource: "Repository", field: "default_branch", code: "invalid", message: `The branch ${changes.default_branch} was not found.` }]);
      }
      const visibility = changes.visibility ?? (changes.private === undefined ? repo.visibility : changes.private ? "private" : "public");
      const wasPublic = repo.visibility === "public";
      const at = githubTimestamp(request.now);
      if (changes.description !== undefined) repo.description = changes.description;
      if (changes.archived !== undefined) repo.archived = changes.archived;
      if (changes.default_branch !== undefined) repo.defaultBranch = changes.default_branch;
      repo.visibility = visibility;
      repo.updatedAt = at;
      if (wasPublic !== (visibility === "public")) {
        request.emit({ name: "repository", action: visibility === "public" ? "publicized" : "privatized", repo, actor: request.actorLogin, at });
      }
      const permission = repoPermission(request.state, request.actor, repo);
      return { status: 200, body: serializeFullRepository(request.state, repo, permission, request.urls) };
    },
  },
];

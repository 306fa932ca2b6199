import { canRead } from "../access.js";
import { notFound, type RouteRequest } from "../route.js";
import { repoKey, type RepoRecord } from "../state.js";

/** The repository of `{owner}/{repo}`; GitHub answers 404 for one the caller may not see. */
export function findReadableRepo(request: RouteRequest): RepoRecord {
  const repo = request.state.repos.get(repoKey(request.params["owner"] ?? "", request.params["repo"] ?? ""));
  if (!repo || !canRead(request.state, request.actor, repo)) throw notFound();
  return repo;
}

/**
 * GitHub answers `/repositories/{id}/...` as `/repos/{owner}/{name}/...` of the repository with
 * that id (its redirects for transferred issues and renamed repositories point there): the path
 * by name, or the path as it was.
 */
export function pathByRepositoryName(state: RouteRequest["state"], path: string): string {
  const [, id, rest = ""] = /^\/repositories\/(\d+)(\/.*)?$/.exec(path) ?? [];
  const repo = id === undefined ? undefined : [...state.repos.values()].find((candidate) => candidate.id === Number(id));
  return repo ? `/repos/${repo.owner}/${repo.name}${rest}` : path;
}

import { canRead } from "../access.js";
import { notFound, type RouteRequest } from "../route.js";
import { repoKey, type RepoRecord } from "../state.js";

/** The repository of `{owner}/{repo}`; GitHub answers 404 for one the caller may not see. */
export function findReadableRepo(request: RouteRequest): RepoRecord {
  const repo = request.state.repos.get(repoKey(request.params["owner"] ?? "", request.params["repo"] ?? ""));
  if (!repo || !canRead(request.state, request.actor, repo)) throw notFound();
  return repo;
}

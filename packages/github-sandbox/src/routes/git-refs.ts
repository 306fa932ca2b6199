import { isAncestor } from "../git-history.js";
import { GitHubError, type Route, type RouteRequest } from "../route.js";
import { serializeGitRef } from "../serialize/git.js";
import type { RepoRecord } from "../state.js";
import { findReadableRepo } from "./find-repo.js";
import { requirePermission } from "./require-permission.js";
import { setRef } from "./set-ref.js";

export const gitRefRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/ref/{ref}",
    handle(request) {
      const repo = findReadableRepo(request);
      const ref = fullRef(request);
      const sha = repo.refs.get(ref);
      if (!sha) throw new GitHubError(404, "Not Found");
      return { status: 200, body: serializeGitRef(repo, ref, sha, request.urls) };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/matching-refs/{ref}",
    handle(request) {
      const repo = findReadableRepo(request);
      const prefix = fullRef(request);
      const matching = [...repo.refs].filter(([ref]) => ref.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1));
      return { status: 200, body: matching.map(([ref, sha]) => serializeGitRef(repo, ref, sha, request.urls)) };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/refs",
    handle(request) {
      const repo = findReadableRepo(request);
      requirePermission(request, repo, "write");
      const { ref, sha } = request.body as { ref: string; sha: string };
      if (!/^refs\/[^/]+\/.+/.test(ref) || ref.endsWith("/") || ref.includes("..") || /\s/.test(ref)) {
        throw new GitHubError(422, `${ref} is not a valid ref name.`);
      }
      if (repo.refs.has(ref)) throw new GitHubError(422, "Reference already exists");
      requireObject(repo, sha);
      setRef(request, repo, ref, sha);
      return {
        status: 201,
        headers: { location: `${request.urls.api}/repos/${repo.owner}/${repo.name}/git/${ref}` },
        body: serializeGitRef(repo, ref, sha, request.urls),
      };
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/git/refs/{ref}",
    handle(request) {
      const repo = findReadableRepo(request);
      requirePermission(request, repo, "write");
      const ref = fullRef(request);
      const { sha, force = false } = request.body as { sha: string; force?: boolean };
      const current = repo.refs.get(ref);
      if (!current) throw new GitHubError(422, "Reference does not exist");
      requireObject(repo, sha);
      if (!force && !isAncestor(repo, current, sha)) throw new GitHubError(422, "Update is not a fast forward");
      setRef(request, repo, ref, sha);
      return { status: 200, body: serializeGitRef(repo, ref, sha, request.urls) };
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/git/refs/{ref}",
    handle(request) {
      const repo = findReadableRepo(request);
      requirePermission(request, repo, "write");
      const ref = fullRef(request);
      if (!repo.refs.has(ref)) throw new GitHubError(422, "Reference does not exist");
      if (ref === `refs/heads/${repo.defaultBranch}`) throw new GitHubError(422, "Cannot delete the default branch");
      setRef(request, repo, ref, undefined);
      return { status: 204 };
    },
  },
];

/** The API names refs without `refs/` (`heads/main`); some callers send it anyway. */
function fullRef(request: RouteRequest): string {
  const ref = request.params["ref"] ?? "";
  return ref.startsWith("refs/") ? ref : `refs/${ref}`;
}

function requireObject(repo: RepoRecord, sha: string): void {
  if (repo.objects.get(sha)?.type !== "commit") throw new GitHubError(422, "Object does not exist");
}

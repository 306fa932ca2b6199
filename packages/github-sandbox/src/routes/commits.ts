import { resolveCommit } from "../git-store.js";
import { GitHubError, type Route } from "../route.js";
import { serializeCommit } from "../serialize/commit.js";
import { fullName } from "../state.js";
import { findReadableRepo } from "./find-repo.js";

export const commitRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}",
    handle(request) {
      const repo = findReadableRepo(request);
      const ref = request.params["ref"] ?? "";
      const sha = resolveCommit(repo, ref);
      const commit = sha ? repo.objects.get(sha) : undefined;
      if (!sha || commit?.type !== "commit") throw new GitHubError(422, `No commit found for SHA: ${ref}`);
      return { status: 200, body: serializeCommit(request.state, repo, sha, commit, request.urls) };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/branches/{branch}",
    handle(request) {
      const repo = findReadableRepo(request);
      const branch = request.params["branch"] ?? "";
      const sha = repo.refs.get(`refs/heads/${branch}`);
      const commit = sha ? repo.objects.get(sha) : undefined;
      if (!sha || commit?.type !== "commit") throw new GitHubError(404, "Branch not found");
      const api = `${request.urls.api}/repos/${fullName(repo)}/branches/${encodeURIComponent(branch)}`;
      return {
        status: 200,
        body: {
          name: branch,
          commit: serializeCommit(request.state, repo, sha, commit, request.urls),
          _links: { self: api, html: `${request.urls.web}/${fullName(repo)}/tree/${branch}` },
          protected: false,
          protection: { enabled: false, required_status_checks: { enforcement_level: "off", contexts: [], checks: [] } },
          protection_url: `${api}/protection`,
        },
      };
    },
  },
];

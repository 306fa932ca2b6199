import { isInstalledOn } from "../access.js";
import { paginate } from "../pagination.js";
import { GitHubError, type Route } from "../route.js";
import { serializeRepository } from "../serialize/repository.js";

export const installationRepositoryRoutes: Route[] = [
  {
    method: "GET",
    path: "/installation/repositories",
    handle(request) {
      const actor = request.actor;
      if (actor.kind !== "installation") throw new GitHubError(403, "You must authenticate with an installation access token in order to list repositories for an installation.");
      const repos = [...request.state.repos.values()].filter((repo) => isInstalledOn(actor, repo)).sort((a, b) => a.id - b.id);
      const { items, headers } = paginate(request, repos);
      const selections = new Set(actor.installations.map((installation) => (installation.repositories === "all" ? "all" : "selected")));
      return {
        status: 200,
        headers,
        body: {
          total_count: repos.length,
          repository_selection: selections.size === 1 ? [...selections][0] : "selected",
          repositories: items.map((repo) => serializeRepository(request.state, repo, request.urls)),
        },
      };
    },
  },
];

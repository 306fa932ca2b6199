import { repoPermission } from "../access.js";
import type { Route } from "../route.js";
import { serializeFullRepository } from "../serialize/repository.js";
import { findReadableRepo } from "./find-repo.js";

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
];

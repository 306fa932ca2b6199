import { ensureUser } from "../create-state.js";
import { repoPermission } from "../access.js";
import { type Route } from "../route.js";
import { serializeUser } from "../serialize/user.js";
import { findReadableRepo } from "./find-repo.js";

export const userRoutes: Route[] = [
  {
    method: "GET",
    path: "/users/{username}",
    handle(request) {
      // Any login is a GitHub user; the snapshot only adds profile names.
      const user = ensureUser(request.state, request.params["username"] ?? "");
      return {
        status: 200,
        body: {
          ...serializeUser(user, request.urls),
          name: user.name,
          company: null,
          blog: "",
          location: null,
          email: null,
          hireable: null,
          bio: null,
          twitter_username: null,
          public_repos: [...request.state.repos.values()].filter((repo) => repo.owner.toLowerCase() === user.login.toLowerCase() && repo.visibility === "public").length,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: user.createdAt,
          updated_at: user.createdAt,
        },
      };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/collaborators/{username}/permission",
    handle(request) {
      const repo = findReadableRepo(request);
      const user = ensureUser(request.state, request.params["username"] ?? "");
      const role = repoPermission(request.state, { kind: "user", login: user.login }, repo);
      // `permission` speaks the old vocabulary; `role_name` has the real role.
      const permission = role === "triage" ? "read" : role === "maintain" ? "write" : role;
      return {
        status: 200,
        body: {
          permission,
          role_name: role,
          user: {
            ...serializeUser(user, request.urls),
            permissions: { admin: role === "admin", maintain: role === "maintain" || role === "admin", push: permission === "write" || permission === "admin", triage: role !== "read" && role !== "none", pull: role !== "none" },
            role_name: role,
          },
        },
      };
    },
  },
];

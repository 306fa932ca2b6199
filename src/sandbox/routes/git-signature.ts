import { ensureUser } from "../create-state.js";
import { githubTimestamp, GitHubError, type RouteRequest } from "../route.js";
import type { GitSignature } from "../state.js";

/** The author and committer GitHub records for a commit made through the API by the caller. */
export function callerSignature(request: RouteRequest): GitSignature {
  const user = ensureUser(request.state, request.actorLogin);
  return { name: user.name ?? user.login, email: `${user.id}+${user.login}@users.noreply.github.com`, date: githubTimestamp(request.now) };
}

/** A signature given in a request body, its missing date filled with now. */
export function requestedSignature(request: RouteRequest, given: { name?: string; email?: string; date?: string } | undefined, field: string): GitSignature | undefined {
  if (given === undefined) return undefined;
  if (!given.name || !given.email) {
    throw new GitHubError(422, "Invalid request.\n\n\"name\" and \"email\" weren't supplied.", [{ resource: "Commit", field, code: "missing_field" }]);
  }
  return { name: given.name, email: given.email, date: given.date ? githubTimestamp(new Date(given.date)) : githubTimestamp(request.now) };
}

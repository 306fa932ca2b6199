import { ensureUser } from "../create-state.js";
import { githubTimestamp, GitHubError, type RouteRequest } from "../route.js";
import type { GitSignature } from "../state.js";

/** The author and committer GitHub records for a commit made through the API by the caller. */
export function callerSignature(request: RouteRequest): GitSignature {
  const user = ensureUser(request.state, request.actorLogin);
  return { name: user.name ?? user.login, email: `${user.id}+${user.login}@users.noreply.github.com`, date: githubTimestamp(request.now) };
}

/** The author and committer of a commit a request makes: those the body gives, else the caller (and the author commits). */
export function commitSignatures(request: RouteRequest, body: { author?: Partial<GitSignature>; committer?: Partial<GitSignature> }): { author: GitSignature; committer: GitSignature } {
  const author = requestedSignature(request, body.author, "author") ?? callerSignature(request);
  return { author, committer: requestedSignature(request, body.committer, "committer") ?? author };
}

/** A signature given in a request body, its missing date filled with now. */
function requestedSignature(request: RouteRequest, given: Partial<GitSignature> | undefined, field: string): GitSignature | undefined {
  if (given === undefined) return undefined;
  if (!given.name || !given.email) {
    throw new GitHubError(422, "Invalid request.\n\n\"name\" and \"email\" weren't supplied.", [{ resource: "Commit", field, code: "missing_field" }]);
  }
  return { name: given.name, email: given.email, date: given.date ? githubTimestamp(new Date(given.date)) : githubTimestamp(request.now) };
}

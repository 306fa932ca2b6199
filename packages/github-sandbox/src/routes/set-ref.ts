import { ZERO_SHA } from "../git-store.js";
import { githubTimestamp, type RouteRequest } from "../route.js";
import type { RepoRecord } from "../state.js";

/**
 * Points `ref` (a full name, `refs/heads/main`) at `sha`, or deletes it when `sha` is undefined,
 * and sends what GitHub sends: `create`/`delete` and `push` for branches and tags, `synchronize`
 * for the open pull requests whose head branch moved. Other refs (`refs/agenda-drafter/...`)
 * change silently, as on GitHub.
 */
export function setRef(request: RouteRequest, repo: RepoRecord, ref: string, sha: string | undefined): void {
  const before = repo.refs.get(ref);
  if (sha === undefined) repo.refs.delete(ref);
  else repo.refs.set(ref, sha);
  if (before === sha) return;

  const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
  const refType = branch !== undefined ? "branch" : ref.startsWith("refs/tags/") ? "tag" : undefined;
  if (!refType) return;
  const at = githubTimestamp(request.now);
  const base = { repo, actor: request.actorLogin, at };
  const shortName = ref.replace(/^refs\/(heads|tags)\//, "");
  if (before === undefined) request.emit({ ...base, name: "create", ref: shortName, refType });
  if (sha === undefined) request.emit({ ...base, name: "delete", ref: shortName, refType });
  request.emit({ ...base, name: "push", ref, before: before ?? ZERO_SHA, after: sha ?? ZERO_SHA });
  if (branch === undefined) return;
  repo.pushedAt = at;

  for (const issue of repo.issues.values()) {
    const pull = issue.pullRequest;
    if (!pull || issue.state !== "open" || sha === undefined) continue;
    if (pull.base.ref === branch) pull.base.sha = sha;
    if (pull.head.ref === branch && pull.head.sha !== sha) {
      const previous = pull.head.sha;
      pull.head.sha = sha;
      issue.updatedAt = at;
      request.emit({ ...base, name: "pull_request", action: "synchronize", issue, before: previous, after: sha });
    }
  }
}

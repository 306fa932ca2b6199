import type { Context } from "probot";
import type { GitHub, RepoRef } from "../github.js";
import { checkConfig, touchesConfig } from "../operations/check-config.js";
import { loadRepoMeetings } from "../registry/discover-meetings.js";
import { isHomeOf } from "../collect/in-scope.js";
import type { Runtime } from "./runtime.js";

/**
 * A push that changes `.github/agenda-drafter.yml` or a meeting's template gets a config check
 * on its head commit; on the default branch, the repository's meetings are reloaded and refreshed.
 */
export async function onPush(runtime: Runtime, context: Context<"push">): Promise<void> {
  const { payload } = context;
  const installationId = payload.installation?.id;
  if (installationId === undefined || payload.deleted) return;
  const octokit = context.octokit as GitHub;
  const repo = { owner: payload.repository.full_name.split("/")[0] ?? "", repo: payload.repository.name };
  await runtime.ensureDiscovered(octokit, installationId);

  const changed = payload.commits.flatMap((commit) => [...(commit.added ?? []), ...(commit.removed ?? []), ...(commit.modified ?? [])]);
  if (!touchesConfig(changed, await templatePaths(runtime, installationId, repo))) return;
  await checkConfig(octokit, repo, payload.after, runtime.log);

  if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
  for (const meeting of await loadRepoMeetings(octokit, installationId, repo, runtime.registry, runtime.log)) {
    runtime.refresh(installationId, meeting);
  }
}

/** A pull request that changes the config file or a meeting's template gets a config check on its head commit. */
export async function onPullRequestCommits(
  runtime: Runtime,
  context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">,
): Promise<void> {
  const { payload } = context;
  const installationId = payload.installation?.id;
  if (installationId === undefined) return;
  const octokit = context.octokit as GitHub;
  const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
  await runtime.ensureDiscovered(octokit, installationId);
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: payload.pull_request.number, per_page: 100 });
  const changed = files.flatMap((file) => [file.filename, ...(file.previous_filename ? [file.previous_filename] : [])]);
  if (!touchesConfig(changed, await templatePaths(runtime, installationId, repo))) return;
  await checkConfig(octokit, repo, payload.pull_request.head.sha, runtime.log);
}

async function templatePaths(runtime: Runtime, installationId: number, repo: RepoRef): Promise<string[]> {
  return (await runtime.registry.meetings(installationId))
    .filter((meeting) => isHomeOf(meeting, `${repo.owner}/${repo.repo}`))
    .flatMap((meeting) => Object.values(meeting.templates));
}

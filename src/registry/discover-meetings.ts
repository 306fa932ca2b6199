import type { GitHub, RepoRef } from "../github.js";
import type { Meeting } from "../model.js";
import { CONFIG_PATH, loadRepoConfig } from "../config/load-config.js";
import { readInstallationConfigFiles } from "../config/installation-config-files.js";
import { knownFileKey, type KnownFiles } from "../config/read-repo-file.js";
import { formatProblem } from "../config/problem.js";
import type { MeetingRegistry } from "./meeting-registry.js";
import type { Log } from "../log.js";

/**
 * Reads the config file of every repository the installation can see (100 repositories a GraphQL
 * query) and records the meetings they declare. Returns them. A discovery that fails half-way
 * (GitHub refused a request, or the token could not be minted) leaves the installation unknown, so
 * that the next event or tick reads it again: known with half its meetings, it would lose the
 * others' work until a restart.
 */
export async function discoverMeetings(
  octokit: GitHub,
  installationId: number,
  registry: MeetingRegistry,
  log: Log,
): Promise<Meeting[]> {
  await registry.markKnown(installationId);
  try {
    const { repos, known } = await readInstallationConfigFiles(octokit);
    const meetings: Meeting[] = [];
    for (const repo of repos) {
      // Most repositories have no config file: there is nothing of theirs to record.
      if (known.get(knownFileKey({ ...repo, path: CONFIG_PATH })) === null) continue;
      // Checking a file takes a few milliseconds, and the files GraphQL gave are checked without
      // waiting on GitHub: a turn of the event loop between them, so that webhooks arriving while
      // an org of many meetings is discovered are answered meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      meetings.push(...(await loadRepoMeetings(octokit, installationId, repo, registry, log, known)));
    }
    return meetings;
  } catch (error) {
    await registry.forgetInstallation(installationId);
    throw error;
  }
}

/** Reads one repository's config file and records its meetings (none when the file is gone). */
export async function loadRepoMeetings(
  octokit: GitHub,
  installationId: number,
  repo: RepoRef,
  registry: MeetingRegistry,
  log: Log,
  known?: KnownFiles,
): Promise<Meeting[]> {
  const loaded = await loadRepoConfig(octokit, repo, undefined, known);
  for (const problem of loaded?.problems ?? []) log.warn(`${repo.owner}/${repo.repo}: ${formatProblem(problem)}`);
  const meetings = loaded?.meetings ?? [];
  await registry.setRepoMeetings(installationId, `${repo.owner}/${repo.repo}`, meetings);
  return meetings;
}

import type { GitHub, RepoRef } from "../github.js";
import type { Meeting } from "../model.js";
import type { ConfigFileRef } from "./extends-target.js";
import { loadExtendedDefaults } from "./load-extended-defaults.js";
import { parseConfig } from "./parse-config.js";
import type { Locator } from "./locate.js";
import type { ConfigProblem } from "./problem.js";
import type { RawConfigFile } from "./schema.js";
import { readRepoFile, type KnownFiles } from "./read-repo-file.js";
import { resolveMeetings } from "./resolve-meetings.js";

/** Where a home repository declares its meetings. */
export const CONFIG_PATH = ".github/agenda-drafter.yml";

export interface LoadedConfig {
  meetings: Meeting[];
  problems: ConfigProblem[];
  /** Every file the config was read from, the repository's own first: a change to any of them changes the config. */
  files: ConfigFileRef[];
  /** The repository's own file, valid, and where its keys are written: for problems found after loading. */
  own?: { raw: RawConfigFile; locate: Locator };
}

/**
 * Loads the meetings a repository declares in its own `.github/agenda-drafter.yml`. Null when it has
 * no such file: only a repository's own file makes it a home repo, so unlike Probot's
 * `context.config` there is no fallback to the organization's `.github` repository (which would make
 * every repository of the organization declare its meetings); that file can only be pulled in with
 * `_extends`, for its `defaults`.
 *
 * `ref` reads the repository's own file at a commit or branch (a pull request's head, a pushed
 * commit) instead of the default branch; extended files are always read from their default branches.
 * Files `known` holds are not read again.
 */
export async function loadRepoConfig(octokit: GitHub, repo: RepoRef, ref?: string, known?: KnownFiles): Promise<LoadedConfig | null> {
  const own: ConfigFileRef = { owner: repo.owner, repo: repo.repo, path: CONFIG_PATH };
  const text = await readRepoFile(octokit, own, ref, known);
  if (text === null) return null;

  const parsed = parseConfig(text, CONFIG_PATH);
  const problems = [...parsed.problems];
  const files = [own];
  if (!parsed.raw) return { meetings: [], problems, files };
  const ownFile = { raw: parsed.raw, locate: parsed.locate };
  const declaresNone = Object.keys(parsed.raw.meetings ?? {}).length === 0 && !problems.some((problem) => problem.path.startsWith("meetings."));
  if (declaresNone) {
    // Allowed (a home repo may be on its way), but likely a mistake; a file that only holds defaults is extended, not loaded.
    problems.push({ file: CONFIG_PATH, path: "meetings", ...parsed.locate(["meetings"], "value"), message: "declares no meeting", severity: "warning" });
  }

  let defaults = undefined;
  if (parsed.raw._extends !== undefined) {
    const extended = await loadExtendedDefaults(octokit, {
      value: parsed.raw._extends,
      from: own,
      fromName: CONFIG_PATH,
      locate: parsed.locate,
    }, known);
    problems.push(...extended.problems);
    files.push(...extended.files);
    if (!extended.defaults) return { meetings: [], problems, files, own: ownFile };
    defaults = extended.defaults;
  }

  const resolved = resolveMeetings(parsed.raw, { home: repo, file: CONFIG_PATH, defaults, locate: parsed.locate });
  return { meetings: resolved.meetings, problems: [...problems, ...resolved.problems], files, own: ownFile };
}

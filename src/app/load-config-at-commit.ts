import type { GitHub, RepoRef } from "../github.js";
import { CONFIG_PATH, type LoadedConfig } from "../config/load-config.js";
import { loadExtendedDefaults } from "../config/load-extended-defaults.js";
import { parseConfig } from "../config/parse-config.js";
import { resolveMeetings } from "../config/resolve-meetings.js";
import { statusOf } from "../publish/claim-occurrence.js";

/**
 * `loadRepoConfig` as of one commit (a pull request's head, a pushed commit) rather than the
 * default branch; files it extends are still read from their default branches. Null when the
 * commit has no `.github/agenda-drafter.yml`.
 */
export async function loadConfigAtCommit(octokit: GitHub, repo: RepoRef, sha: string): Promise<LoadedConfig | null> {
  const text = await readFileAtCommit(octokit, repo, CONFIG_PATH, sha);
  if (text === null) return null;
  const own = { ...repo, path: CONFIG_PATH };
  const parsed = parseConfig(text, CONFIG_PATH);
  const problems = [...parsed.problems];
  const files = [own];
  if (!parsed.raw) return { meetings: [], problems, files };

  let defaults = undefined;
  if (parsed.raw._extends !== undefined) {
    const extended = await loadExtendedDefaults(octokit, {
      value: parsed.raw._extends,
      from: own,
      fromName: CONFIG_PATH,
      locate: parsed.locate,
    });
    problems.push(...extended.problems);
    files.push(...extended.files);
    if (!extended.defaults) return { meetings: [], problems, files };
    defaults = extended.defaults;
  }
  const resolved = resolveMeetings(parsed.raw, { home: repo, file: CONFIG_PATH, defaults, locate: parsed.locate });
  return { meetings: resolved.meetings, problems: [...problems, ...resolved.problems], files };
}

/** A file's text at a commit, or null when the commit has no such file. */
export async function readFileAtCommit(octokit: GitHub, repo: RepoRef, path: string, sha: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref: sha });
    if (Array.isArray(data) || data.type !== "file") return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

import type { Meeting, RepoFullName } from "../model.js";
import { formatKeyPath } from "./key-path.js";
import type { LoadedConfig } from "./load-config.js";
import { CONFIG_PATH } from "./load-config.js";
import type { ConfigProblem } from "./problem.js";

/**
 * The problem of a repository that a meeting's `scope.repos` or `include_private` names and that
 * does not exist or cannot be read (the app is not installed on it), pinned to where it is written:
 * the meeting's own entry, the file's `defaults`, or else the extended file it came from.
 */
export function unreachableRepoProblem(loaded: LoadedConfig, meeting: Meeting, repo: RepoFullName, why: string): ConfigProblem {
  const message = `\`${repo}\` does not exist or ${why}; its items are left out, the rest of the scope is searched`;
  const own = loaded.own;
  for (const [key, list] of [
    [["scope", "repos"], (raw?: RawEntry) => raw?.scope?.repos],
    [["include_private"], (raw?: RawEntry) => raw?.include_private],
  ] as const) {
    for (const layer of ["meetings", "defaults"] as const) {
      const entry = layer === "meetings" ? own?.raw.meetings?.[meeting.id] : own?.raw.defaults;
      const index = (list(entry) ?? []).findIndex((named) => named.toLowerCase() === repo.toLowerCase());
      if (index < 0 || !own) continue;
      const path = [...(layer === "meetings" ? ["meetings", meeting.id] : ["defaults"]), ...key, index];
      return { file: CONFIG_PATH, path: formatKeyPath(path), ...own.locate(path, "value"), message, severity: "error" };
    }
  }
  // From an extended file's defaults: that file is named, the value only in its own problem line.
  const extended = loaded.files[1];
  const file = extended ? `${extended.owner}/${extended.repo}:${extended.path}` : CONFIG_PATH;
  return { file, path: `meetings.${meeting.id}.scope.repos`, message, severity: "error" };
}

interface RawEntry {
  scope?: { repos?: readonly string[] };
  include_private?: readonly string[];
}

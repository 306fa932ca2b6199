import type { Meeting } from "../model.js";
import { formatKeyPath } from "./key-path.js";
import type { LoadedConfig } from "./load-config.js";
import { CONFIG_PATH } from "./load-config.js";
import type { ConfigProblem } from "./problem.js";

/** Why the app cannot list a team's members: GitHub answers the same for each. */
export const TEAM_UNREADABLE =
  "is not a team the app can read (no such team, or the token lacks the Members: read permission, as a workflow's token does); its members are not listed, the rest of the issue is written";

/**
 * The problem of a team the meeting's `invited` names whose members cannot be read, pinned to where
 * it is written: the meeting's own entry, the file's `defaults`, or else the extended file it came from.
 * A warning: the meeting works, without that team's members.
 */
export function unreadableTeamProblem(loaded: LoadedConfig, meeting: Meeting, team: string): ConfigProblem {
  const message = `\`${team}\` ${TEAM_UNREADABLE}`;
  const own = loaded.own;
  const bare = team.replace(/^@/, "").toLowerCase();
  for (const layer of ["meetings", "defaults"] as const) {
    const entry = layer === "meetings" ? own?.raw.meetings?.[meeting.id] : own?.raw.defaults;
    const index = (entry?.invited ?? []).findIndex((named) => named.replace(/^@/, "").toLowerCase() === bare);
    if (index < 0 || !own) continue;
    const path = [...(layer === "meetings" ? ["meetings", meeting.id] : ["defaults"]), "invited", index];
    return { file: CONFIG_PATH, path: formatKeyPath(path), ...own.locate(path, "value"), message, severity: "warning" };
  }
  const extended = loaded.files[1];
  const file = extended ? `${extended.owner}/${extended.repo}:${extended.path}` : CONFIG_PATH;
  return { file, path: `meetings.${meeting.id}.invited`, message, severity: "warning" };
}

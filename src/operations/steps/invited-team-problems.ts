import type { GitHub } from "../../github.js";
import type { LoadedConfig } from "../../config/load-config.js";
import type { ConfigProblem } from "../../config/problem.js";
import { unreadableTeamProblem } from "../../config/unreadable-team-problem.js";
import { readInvitedTeams } from "../../collect/read-invited-teams.js";

/** A config check reads at most this many meetings' teams: a file may declare any number. */
const MOST_MEETINGS_READ = 20;

/** The invited teams whose members the client cannot read, each as a warning where it is written. */
export async function invitedTeamProblems(octokit: GitHub, loaded: LoadedConfig): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  for (const meeting of loaded.meetings.slice(0, MOST_MEETINGS_READ)) {
    if (!meeting.invited.some((entry) => entry.includes("/"))) continue;
    // Private: only whether each team can be read matters here, not who is shown.
    const { unreadable } = await readInvitedTeams(octokit, meeting, { private: true });
    problems.push(...unreadable.map((team) => unreadableTeamProblem(loaded, meeting, team)));
  }
  return problems;
}

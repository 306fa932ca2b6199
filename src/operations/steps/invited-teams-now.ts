import type { GitHub } from "../../github.js";
import type { InvitedTeam, Meeting } from "../../model.js";
import { invitedTeamNames, readInvitedTeams } from "../../collect/read-invited-teams.js";

/** The meeting's invited teams as its issue lists them now, by the home repo's visibility; none read when it invites no team. */
export async function invitedTeamsNow(octokit: GitHub, meeting: Meeting): Promise<InvitedTeam[]> {
  if (invitedTeamNames(meeting).length === 0) return [];
  const { data: home } = await octokit.rest.repos.get({ ...meeting.home });
  return (await readInvitedTeams(octokit, meeting, { private: home.private })).teams;
}

import type { Attendee, InvitedTeam } from "../model.js";

/**
 * The JSON characters the frozen record of the invited teams' members may take in the issue's
 * state (about 250 members with their names): the state shares the body's 65,536 characters with
 * the agenda and people's text, and a team may have thousands of members.
 */
export const MOST_RECORDED_CHARACTERS = 12_000;

/** The teams as the issue lists them, their members kept in order until the record is full; the others counted. */
export function recordInvitedTeams(teams: InvitedTeam[]): InvitedTeam[] {
  let left = MOST_RECORDED_CHARACTERS;
  return teams.map((team) => {
    const members: Attendee[] = [];
    for (const { login, name } of team.members) {
      const size = JSON.stringify({ login, name }).length + 1;
      if (size > left) {
        left = 0;
        break;
      }
      left -= size;
      members.push({ login, name });
    }
    const unlisted = team.members.length - members.length;
    return { team: team.team, members, privateMembers: team.privateMembers, ...(unlisted > 0 && { unlistedMembers: unlisted }) };
  });
}

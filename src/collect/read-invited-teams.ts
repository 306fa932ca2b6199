import type { GitHub } from "../github.js";
import type { InvitedTeam, Meeting } from "../model.js";

// One query per page of 100 members gives a team's members with their names: no call per person.
const TEAM_MEMBERS = `query ($org: String!, $slug: String!, $after: String) {
  organization(login: $org) {
    team(slug: $slug) {
      members(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { login name } }
    }
  }
}`;

/** A team of a few thousand members is read whole; past that, the list stops. */
const MOST_PAGES = 20;

interface TeamMembersAnswer {
  organization: {
    team: { members: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { login: string; name: string | null }[] } } | null;
  } | null;
}

export interface InvitedTeamsRead {
  teams: InvitedTeam[];
  /** Teams (`@org/slug`) the token cannot read: no such team, a secret one or no Members permission. */
  unreadable: string[];
}

/** The meeting's invited teams: `invited` entries of the form `@org/slug`. */
export function invitedTeamNames(meeting: Meeting): { entry: string; org: string; slug: string }[] {
  return meeting.invited.flatMap((entry) => {
    const [org, slug, extra] = entry.replace(/^@/, "").split("/");
    return org && slug && extra === undefined ? [{ entry, org, slug }] : [];
  });
}

/**
 * The members of the meeting's invited teams, with their names. A team's membership is not public
 * on GitHub, nor is a person's membership of the org unless they made it so: in a public home
 * repo the issue lists only the members whose org membership is public and counts the others;
 * a private home repo, which only the org's people see, lists them all.
 */
export async function readInvitedTeams(octokit: GitHub, meeting: Meeting, home: { private: boolean }): Promise<InvitedTeamsRead> {
  const teams: InvitedTeam[] = [];
  const unreadable: string[] = [];
  for (const { entry, org, slug } of invitedTeamNames(meeting)) {
    const members = await teamMembers(octokit, org, slug);
    if (members) teams.push({ team: entry, members, privateMembers: 0 });
    else unreadable.push(entry);
  }
  return { teams: await invitedTeamsAsShown(octokit, teams, home), unreadable };
}

/**
 * The teams as the home repo may list them now: in a public one, a member whose membership of the
 * org is not public (any more) is counted, not named. The minutes apply it to the members recorded
 * at the freeze, as they apply the visibility rule to the items.
 */
export async function invitedTeamsAsShown(octokit: GitHub, teams: InvitedTeam[], home: { private: boolean }): Promise<InvitedTeam[]> {
  if (home.private) return teams;
  const publicMembers = new Map<string, Promise<Set<string>>>();
  const shown: InvitedTeam[] = [];
  for (const team of teams) {
    const org = team.team.replace(/^@/, "").split("/")[0] ?? "";
    const key = org.toLowerCase();
    if (!publicMembers.has(key)) publicMembers.set(key, listPublicMembers(octokit, org));
    const known = await publicMembers.get(key)!;
    const members = team.members.filter((member) => known.has(member.login.toLowerCase()));
    shown.push({ ...team, members, privateMembers: team.privateMembers + team.members.length - members.length });
  }
  return shown;
}

async function teamMembers(octokit: GitHub, org: string, slug: string): Promise<{ login: string; name: string | null }[] | undefined> {
  const members: { login: string; name: string | null }[] = [];
  let after: string | null = null;
  for (let page = 0; page < MOST_PAGES; page++) {
    let answer: TeamMembersAnswer;
    try {
      answer = await octokit.graphql<TeamMembersAnswer>(TEAM_MEMBERS, { org, slug, after });
    } catch (error) {
      if (isRefused(error)) return undefined;
      throw error;
    }
    const team = answer.organization?.team;
    if (!team) return undefined;
    members.push(...team.members.nodes.map(({ login, name }) => ({ login, name })));
    if (!team.members.pageInfo.hasNextPage) break;
    after = team.members.pageInfo.endCursor;
  }
  return members;
}

/** GitHub's answer to a token without the Members permission (a workflow's): an error naming no rate limit. */
function isRefused(error: unknown): boolean {
  const { errors } = error as { errors?: { type?: string; message?: string }[] };
  return Array.isArray(errors) && errors.length > 0 && errors.every((each) => each.type !== "RATE_LIMITED");
}

async function listPublicMembers(octokit: GitHub, org: string): Promise<Set<string>> {
  const members = await octokit.paginate(octokit.rest.orgs.listPublicMembers, { org, per_page: 100 });
  return new Set(members.map((member) => member.login.toLowerCase()));
}

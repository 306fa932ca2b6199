import type { GitHub } from "../../github.js";
import type { Meeting } from "../../model.js";
import { ifFound } from "../../github.js";

// `permission` reports triage as "read"; `role_name` names it. A custom role's name is unknown
// here, but one based on write or admin still reports that base as its permission.
const TRIAGE_OR_HIGHER = new Set(["triage", "write", "maintain", "admin"]);

/**
 * Whether a person may steer the meeting by command: by default, members of its invited teams
 * and people with triage or higher on its home repo; when the meeting's `commands.allow` is set,
 * exactly the teams and logins it names. `author_association` is never used: it shows a private
 * org member as CONTRIBUTOR.
 */
export async function maySteer(octokit: GitHub, meeting: Meeting, login: string): Promise<boolean> {
  const allow = meeting.commands?.allow;
  if (allow) {
    if (allow.logins.some((allowed) => allowed.replace(/^@/, "").toLowerCase() === login.toLowerCase())) return true;
    return isInAnyTeam(octokit, allow.teams, login);
  }
  return (await hasTriage(octokit, meeting, login)) || isInAnyTeam(octokit, meeting.invited, login);
}

async function hasTriage(octokit: GitHub, meeting: Meeting, login: string): Promise<boolean> {
  const found = await ifFound(
    octokit.rest.repos.getCollaboratorPermissionLevel({ owner: meeting.home.owner, repo: meeting.home.repo, username: login }),
  );
  if (!found) return false;
  const { role_name, permission } = found.data;
  return TRIAGE_OR_HIGHER.has(role_name) || permission === "write" || permission === "admin";
}

/** Team entries look like `@org/team`; other entries (people) are skipped. */
async function isInAnyTeam(octokit: GitHub, entries: string[], login: string): Promise<boolean> {
  for (const entry of entries) {
    const [org, team, extra] = entry.replace(/^@/, "").split("/");
    if (!org || !team || extra !== undefined) continue;
    const membership = await ifFound(octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: team, username: login }));
    if (membership?.data.state === "active") return true;
  }
  return false;
}

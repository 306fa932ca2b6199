import type { Context } from "probot";
import type { GitHub } from "../github.js";
import { invitedTeamNames } from "../collect/read-invited-teams.js";
import type { Runtime } from "./runtime.js";

/**
 * A team's member was added or removed: the meetings of the installation that invite that team
 * are refreshed, so their issues list the team as it is now (the tick repairs a lost webhook).
 */
export async function onMembershipEvent(runtime: Runtime, context: Context<"membership">): Promise<void> {
  const { payload } = context;
  const installationId = payload.installation?.id;
  if (installationId === undefined || payload.scope !== "team") return;
  await runtime.ensureDiscovered(context.octokit as GitHub, installationId);
  const org = payload.organization.login.toLowerCase();
  const slug = payload.team.slug?.toLowerCase();
  for (const meeting of await runtime.registry.meetings(installationId)) {
    const invites = invitedTeamNames(meeting).some((team) => team.org.toLowerCase() === org && team.slug.toLowerCase() === slug);
    if (invites) runtime.refresh(installationId, meeting);
  }
}

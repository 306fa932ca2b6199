import { ensureUser } from "../create-state.js";
import { GitHubError, notFound, type Route, type RouteRequest } from "../route.js";
import { paginate } from "../pagination.js";
import { serializeUser } from "../serialize/user.js";
import type { OrgRecord, TeamRecord } from "../state.js";

/**
 * An organization's public members, and changes to a team's members. Anyone may list the public
 * members; an organization owner adds and removes team members (the app, holding Members: read,
 * may not), and each change sends the `membership` webhook.
 */
export const teamMemberRoutes: Route[] = [
  {
    method: "GET",
    path: "/orgs/{org}/public_members",
    handle(request) {
      const org = findOrg(request);
      const members = [...org.publicMembers].sort().map((login) => serializeUser(ensureUser(request.state, login), request.urls));
      const page = paginate(request, members);
      return { status: 200, body: page.items, ...(page.headers && { headers: page.headers }) };
    },
  },
  {
    method: "PUT",
    path: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    handle(request) {
      const { org, team, login } = changeable(request);
      if (!team.members.has(login)) {
        team.members.add(login);
        org.members.add(login);
        emitMembership(request, org, team, login, "added");
      }
      return {
        status: 200,
        body: { url: `${request.urls.api}/teams/${team.id}/memberships/${ensureUser(request.state, login).login}`, role: "member", state: "active" },
      };
    },
  },
  {
    method: "DELETE",
    path: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    handle(request) {
      const { org, team, login } = changeable(request);
      if (team.members.delete(login)) emitMembership(request, org, team, login, "removed");
      return { status: 204 };
    },
  },
];

function findOrg(request: RouteRequest): OrgRecord {
  const org = request.state.orgs.get((request.params["org"] ?? "").toLowerCase());
  if (!org) throw notFound();
  return org;
}

function changeable(request: RouteRequest): { org: OrgRecord; team: TeamRecord; login: string } {
  const org = findOrg(request);
  const team = org.teams.get((request.params["team_slug"] ?? "").toLowerCase());
  if (!team) throw notFound();
  const owner = request.actor.kind === "user" && org.owners.has(request.actor.login.toLowerCase());
  if (!owner) throw new GitHubError(403, request.actor.kind === "installation" ? "Resource not accessible by integration" : "You must be an organization owner or team maintainer to change this team's members.");
  return { org, team, login: ensureUser(request.state, request.params["username"] ?? "").login.toLowerCase() };
}

function emitMembership(request: RouteRequest, org: OrgRecord, team: TeamRecord, member: string, action: "added" | "removed"): void {
  request.emit({ name: "membership", action, org, team, member, actor: request.actorLogin, at: request.now.toISOString() });
}

import { ensureUser } from "../create-state.js";
import { notFound, type Route, type RouteRequest } from "../route.js";
import { serializeUser } from "../serialize/user.js";
import type { OrgRecord } from "../state.js";
import { organizationOf } from "../webhooks/payload-parts.js";

export const orgMembershipRoutes: Route[] = [
  {
    method: "GET",
    path: "/orgs/{org}/members/{username}",
    handle(request) {
      const org = findOrg(request);
      const member = org.members.has((request.params["username"] ?? "").toLowerCase());
      // GitHub sends those outside the organization to its public member list, which the sandbox does not keep.
      if (!seesMembers(request, org)) {
        return { status: 302, headers: { location: `${request.urls.api}/orgs/${org.login}/public_members/${request.params["username"]}` } };
      }
      return { status: member ? 204 : 404 };
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/memberships/{username}",
    handle(request) {
      const org = findOrg(request);
      const login = (request.params["username"] ?? "").toLowerCase();
      const isSelf = request.actor.kind === "user" && request.actor.login.toLowerCase() === login;
      if (!org.members.has(login) || !(isSelf || seesMembers(request, org))) throw notFound();
      const user = ensureUser(request.state, login);
      const organization = organizationOf(request.state, org.login, request.urls);
      if (!organization) throw notFound();
      return {
        status: 200,
        body: {
          url: `${request.urls.api}/orgs/${org.login}/memberships/${user.login}`,
          state: "active",
          role: org.owners.has(login) ? "admin" : "member",
          organization_url: `${request.urls.api}/orgs/${org.login}`,
          organization,
          user: serializeUser(user, request.urls),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    handle(request) {
      const org = findOrg(request);
      const team = org.teams.get((request.params["team_slug"] ?? "").toLowerCase());
      const login = (request.params["username"] ?? "").toLowerCase();
      if (!team || !seesMembers(request, org) || !team.members.has(login)) return { status: 404 };
      return {
        status: 200,
        body: { url: `${request.urls.api}/teams/${team.id}/memberships/${ensureUser(request.state, login).login}`, role: "member", state: "active" },
      };
    },
  },
];

function findOrg(request: RouteRequest): OrgRecord {
  const org = request.state.orgs.get((request.params["org"] ?? "").toLowerCase());
  if (!org) throw notFound();
  return org;
}

/**
 * Members see each other; an app sees the members of the organizations it is installed on. A
 * workflow token cannot be given the members permission: it sees none.
 */
function seesMembers(request: RouteRequest, org: OrgRecord): boolean {
  if (request.actor.kind === "installation") {
    return request.actor.installations.some((installation) => !installation.app && installation.account.toLowerCase() === org.login.toLowerCase());
  }
  return org.members.has(request.actor.login.toLowerCase());
}

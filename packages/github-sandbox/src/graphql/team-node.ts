import { GraphQLError } from "graphql";
import { connection, type ConnectionArgs } from "./connection.js";
import { userNode, type GraphqlContext } from "./nodes.js";
import type { OrgRecord, TeamRecord } from "../state.js";

/**
 * `organization(login:)` with its teams by slug. The app sees the teams of an organization it is
 * installed on (its Members: read permission), secret ones too; a member sees them as well. A
 * workflow's token cannot be given that permission: GitHub refuses it. Anyone else, or a slug
 * that names no team, gets `team: null`.
 */
export function organizationNode(context: GraphqlContext, login: string) {
  const org = context.state.orgs.get(login.toLowerCase());
  const account = userNode(context.state, login, context.urls);
  if (!org || !account) return null;
  return {
    ...account,
    team: ({ slug }: { slug: string }) => {
      if (workflowToken(context)) throw new GraphQLError("Resource not accessible by integration");
      const team = org.teams.get(slug.toLowerCase());
      return team && seesTeams(context, org) ? teamNode(context, org, team) : null;
    },
  };
}

function teamNode(context: GraphqlContext, org: OrgRecord, team: TeamRecord) {
  return {
    __typename: "Team",
    id: team.nodeId,
    databaseId: team.id,
    name: team.name,
    slug: team.slug,
    combinedSlug: `${org.login}/${team.slug}`,
    url: `${context.urls.web}/orgs/${org.login}/teams/${team.slug}`,
    members: (args: ConnectionArgs) =>
      connection(
        [...team.members].sort().map((login) => userNode(context.state, login, context.urls)),
        args,
        "members",
      ),
  };
}

function workflowToken(context: GraphqlContext): boolean {
  return context.actor.kind === "installation" && context.actor.installations.every((installation) => installation.app === "github-actions");
}

function seesTeams(context: GraphqlContext, org: OrgRecord): boolean {
  if (context.actor.kind === "installation") {
    return context.actor.installations.some((installation) => !installation.app && installation.account.toLowerCase() === org.login.toLowerCase());
  }
  return org.members.has(context.actor.login.toLowerCase());
}

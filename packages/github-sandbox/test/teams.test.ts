import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { answerGraphql } from "../src/graphql/answer-graphql.js";
import type { SandboxEvent } from "../src/events.js";
import { Sandbox } from "../src/sandbox.js";
import { webhookForEvent } from "../src/webhooks/webhook-for-event.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

const urls = { api: "https://api.github.com", web: "https://github.com" };
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@octokit/openapi-webhooks/generated/api.github.com.json"), "utf8")), "webhooks");

/** The payload against GitHub's schema of its event and action. */
function schemaErrors(name: string, payload: unknown): string[] {
  const validate = ajv.getSchema(`webhooks#/components/schemas/${name}`);
  if (!validate) throw new Error(`openapi-webhooks has no schema ${name}`);
  return validate(payload) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
let sandbox: Sandbox;
const events: SandboxEvent[] = [];

beforeAll(() => {
  sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  sandbox.onEvent((event) => events.push(event));
});

const TEAM = `query ($org: String!, $slug: String!) {
  organization(login: $org) { team(slug: $slug) { name members(first: 100) { totalCount pageInfo { hasNextPage } nodes { login name } } } }
}`;

async function team(slug: string, actor: "app" | "workflow" | string = "app") {
  const { state } = sandbox;
  const installations = actor === "workflow" ? [{ id: 9, account: "nodejs", repositories: new Set(["security-wg"]), app: "github-actions" as const }] : state.installations;
  const response = await answerGraphql(JSON.stringify({ query: TEAM, variables: { org: "nodejs", slug } }), {
    state,
    actor: actor === "app" || actor === "workflow" ? { kind: "installation", installations } : { kind: "user", login: actor },
    urls,
    now: new Date(),
    searchState: () => state,
    viewerLogin: actor,
  });
  return (await response.json()) as { data: { organization: { team: unknown } | null } | null; errors?: { message: string }[] };
}

test("a team's members with their names, in one GraphQL query, for the app and the org's members; null for a slug of no team or an outsider", async () => {
  expect((await team("security-wg")).data?.organization?.team).toEqual({
    name: "security-wg",
    members: {
      totalCount: 3,
      pageInfo: { hasNextPage: false },
      nodes: [
        { login: "mhdawson", name: "Michael Dawson" },
        { login: "RafaelGSS", name: "Rafael Gonzaga" },
        { login: "UlisesGascon", name: null },
      ],
    },
  });
  expect((await team("tsc", "UlisesGascon")).data?.organization?.team).toMatchObject({ members: { totalCount: 1 } });
  expect((await team("no-such-team")).data?.organization?.team).toBeNull();
  expect((await team("tsc", "fraxken")).data?.organization?.team).toBeNull();
});

test("a workflow's token cannot read teams: GitHub refuses it", async () => {
  const answer = await team("tsc", "workflow");
  expect(answer.errors?.[0]?.message).toBe("Resource not accessible by integration");
});

test("the org's public members, for anyone", async () => {
  const { data } = await sandbox.octokit("user:fraxken").rest.orgs.listPublicMembers({ org: "nodejs" });
  expect(data.map((user) => user.login)).toEqual(["mhdawson", "RafaelGSS"]);
});

test("an org owner adds and removes a team's members, each change a membership webhook; the app may not", async () => {
  const owner = sandbox.octokit("user:mhdawson");
  await owner.rest.teams.addOrUpdateMembershipForUserInOrg({ org: "nodejs", team_slug: "tsc", username: "RafaelGSS" });
  await owner.rest.teams.addOrUpdateMembershipForUserInOrg({ org: "nodejs", team_slug: "tsc", username: "RafaelGSS" });
  await owner.rest.teams.removeMembershipForUserInOrg({ org: "nodejs", team_slug: "tsc", username: "mhdawson" });
  const memberships = events.filter((event) => event.name === "membership");
  expect(memberships.map((event) => `${event.action} ${event.member}`)).toEqual(["added rafaelgss", "removed mhdawson"]);
  const webhook = webhookForEvent(sandbox.state, memberships[0]!, urls);
  expect(schemaErrors("webhook-membership-added", webhook?.payload)).toEqual([]);
  expect(schemaErrors("webhook-membership-removed", webhookForEvent(sandbox.state, memberships[1]!, urls)?.payload)).toEqual([]);
  expect(webhook).toMatchObject({ event: "membership", payload: { action: "added", scope: "team", member: { login: "RafaelGSS" }, team: { slug: "tsc" }, organization: { login: "nodejs" } } });
  await expect(sandbox.octokit().rest.teams.removeMembershipForUserInOrg({ org: "nodejs", team_slug: "tsc", username: "RafaelGSS" })).rejects.toMatchObject({ status: 403 });
});

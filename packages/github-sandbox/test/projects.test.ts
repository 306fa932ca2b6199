import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { answerGraphql } from "../src/graphql/answer-graphql.js";
import type { GraphqlContext } from "../src/graphql/nodes.js";
import { Sandbox } from "../src/sandbox.js";
import { answerControlRequest } from "../src/server/control-routes.js";
import type { SandboxEvent } from "../src/events.js";
import { webhookForEvent } from "../src/webhooks/webhook-for-event.js";
import type { Actor } from "../src/access.js";

// Projects (v2): a board in the snapshot, answered through GraphQL as GitHub answers it (its
// errors, who may see a private one, redacted items), changed through the control endpoints with
// GitHub's `projects_v2_item` webhooks.

const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
orgs:
  cncf:
    owners: [amye]
    members: [amye, kgamanji]
    repos:
      toc:
        issues:
          - { number: 1, title: "Project review: Flux", author: kgamanji }
          - { number: 2, title: "Sandbox onboarding", pull_request: true, author: amye }
      private-notes:
        private: true
        issues:
          - { number: 7, title: "Embargoed", author: amye }
    projects:
      - number: 27
        title: TOC agenda
        public: true
        fields:
          - { name: Status, options: [Backlog, Agenda, Done] }
          - { name: Notes, type: text }
        items:
          - { content: "toc#1", fields: { Status: Agenda, Notes: "10 minutes" } }
          - { content: "toc#2", fields: { Status: Backlog } }
          - { content: "private-notes#7", fields: { Status: Agenda } }
          - { draft: "Annual review", fields: { Status: Agenda } }
      - { number: 3, title: "Staff board", public: false }
`;

const webhookSpec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@octokit/openapi-webhooks/generated/api.github.com.json"), "utf8"));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(webhookSpec, "webhooks");

function expectValidPayload(payload: Record<string, unknown>) {
  const name = `webhook-projects-v2-item-${String(payload["action"])}`;
  const validate = ajv.getSchema(`webhooks#/components/schemas/${name}`);
  if (!validate) throw new Error(`openapi-webhooks has no schema ${name}`);
  expect(validate(payload) ? [] : validate.errors?.map((error) => `${name}${error.instancePath} ${error.message}`)).toEqual([]);
}

const sandbox = Sandbox.fromSnapshot(SNAPSHOT);
const events: SandboxEvent[] = [];
sandbox.onEvent((event) => events.push(event));

function context(actor: Actor): GraphqlContext {
  const viewerLogin = actor.kind === "user" ? actor.login : "agenda-drafter[bot]";
  return { state: sandbox.state, actor, urls: sandbox.urls, now: sandbox.clock.now(), searchState: () => sandbox.state, viewerLogin };
}
const app: Actor = { kind: "installation", installations: sandbox.state.installations };

async function ask(query: string, variables: Record<string, unknown>, actor: Actor = app) {
  const response = await answerGraphql(JSON.stringify({ query, variables }), context(actor));
  return (await response.json()) as { data?: any; errors?: any[] };
}

const PROJECT = `query ($owner: String!, $number: Int!, $field: String!) {
  repositoryOwner(login: $owner) {
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        title public url
        field(name: $field) { __typename ... on ProjectV2SingleSelectField { name options { name } } ... on ProjectV2Field { name dataType } }
        items(first: 100) {
          pageInfo { hasNextPage endCursor }
          nodes {
            type isArchived
            fieldValueByName(name: $field) { __typename ... on ProjectV2ItemFieldSingleSelectValue { name } ... on ProjectV2ItemFieldTextValue { text } }
            content { __typename ... on Issue { number repository { nameWithOwner } } ... on PullRequest { number } ... on DraftIssue { title } }
          }
        }
      }
    }
  }
}`;

test("a project's fields and items, with their values by field name, as GitHub's GraphQL answers them", async () => {
  const { data, errors } = await ask(PROJECT, { owner: "cncf", number: 27, field: "Status" });
  expect(errors).toBeUndefined();
  const project = data.repositoryOwner.projectV2;
  expect(project).toMatchObject({ title: "TOC agenda", public: true, url: "https://github.com/orgs/cncf/projects/27" });
  expect(project.field).toEqual({ __typename: "ProjectV2SingleSelectField", name: "Status", options: [{ name: "Backlog" }, { name: "Agenda" }, { name: "Done" }] });
  expect(project.items.nodes.map((item: any) => [item.type, item.fieldValueByName?.name, item.content?.number ?? item.content?.title ?? null])).toEqual([
    ["ISSUE", "Agenda", 1],
    ["PULL_REQUEST", "Backlog", 2],
    ["ISSUE", "Agenda", 7],
    ["DRAFT_ISSUE", "Agenda", "Annual review"],
  ]);
  const text = await ask(PROJECT, { owner: "cncf", number: 27, field: "Notes" });
  expect(text.data.repositoryOwner.projectV2.field).toEqual({ __typename: "ProjectV2Field", name: "Notes", dataType: "TEXT" });
  expect(text.data.repositoryOwner.projectV2.items.nodes[0].fieldValueByName).toEqual({ __typename: "ProjectV2ItemFieldTextValue", text: "10 minutes" });
  expect((await ask(PROJECT, { owner: "cncf", number: 27, field: "Nope" })).data.repositoryOwner.projectV2.field).toBeNull();
});

test("an item of a repository the reader cannot see is REDACTED, without content", async () => {
  const { data } = await ask(PROJECT, { owner: "cncf", number: 27, field: "Status" }, { kind: "user", login: "outsider" });
  expect(data.repositoryOwner.projectV2.items.nodes[2]).toMatchObject({ type: "REDACTED", content: null });
});

test("an unknown project number, and a private project to someone outside the org, are GitHub's NOT_FOUND", async () => {
  for (const [number, actor] of [[99, app], [3, { kind: "user", login: "outsider" }]] as const) {
    const { data, errors } = await ask(PROJECT, { owner: "cncf", number, field: "Status" }, actor);
    expect(errors).toEqual([expect.objectContaining({ type: "NOT_FOUND", message: `Could not resolve to a ProjectV2 with the number ${number}.`, path: ["repositoryOwner", "projectV2"] })]);
    expect(data.repositoryOwner.projectV2).toBeNull();
  }
  expect((await ask(PROJECT, { owner: "cncf", number: 3, field: "Status" }, { kind: "user", login: "kgamanji" })).errors).toBeUndefined();
});

async function control(method: string, path: string, body: unknown) {
  const response = await answerControlRequest(new Request(`http://sandbox/_sandbox${path}`, { method, body: JSON.stringify(body) }), path, sandbox, {});
  return { status: response.status, body: (await response.json()) as { id?: number; message?: string } };
}

test("items added, edited, archived, restored, converted and deleted send projects_v2_item webhooks matching GitHub's schemas", async () => {
  events.length = 0;
  const added = await control("POST", "/projects/cncf/27/items", { content: "cncf/toc#2", fields: { Status: "Agenda" }, sender: "kgamanji" });
  expect(added.status).toBe(200);
  const draft = await control("POST", "/projects/cncf/27/items", { content: { draft: "Charter update" } });
  await control("PATCH", `/projects/cncf/27/items/${added.body.id}`, { archived: true });
  await control("PATCH", `/projects/cncf/27/items/${added.body.id}`, { archived: false });
  await control("PATCH", `/projects/cncf/27/items/${draft.body.id}`, { convertTo: "cncf/toc" });
  await control("DELETE", `/projects/cncf/27/items/${added.body.id}`, {});
  const webhooks = events.map((event) => webhookForEvent(sandbox.state, event, sandbox.urls));
  expect(webhooks.map((webhook) => `${webhook?.event}.${String(webhook?.payload["action"])}`)).toEqual([
    "projects_v2_item.created", "projects_v2_item.edited", "projects_v2_item.created", "projects_v2_item.archived",
    "projects_v2_item.restored", "projects_v2_item.converted", "projects_v2_item.deleted",
  ]);
  for (const webhook of webhooks) expectValidPayload(webhook?.payload ?? {});
  expect(webhooks[1]?.payload).toMatchObject({
    projects_v2_item: { content_type: "PullRequest" },
    changes: { field_value: { field_name: "Status", field_type: "single_select", project_number: 27, to: { name: "Agenda" } } },
    organization: { login: "cncf" },
    sender: { login: "kgamanji" },
  });
  expect(webhooks[5]?.payload).toMatchObject({ projects_v2_item: { content_type: "Issue" }, changes: { content_type: { from: "DraftIssue", to: "Issue" } } });
  expect((await control("PATCH", `/projects/cncf/27/items/${draft.body.id}`, { fields: { Status: "Someday" } })).body.message).toBe("fields.Status: Someday is not one of its options");
});

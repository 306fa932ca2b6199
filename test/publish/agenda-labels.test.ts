// A discussion is labelled through GraphQL by the node ids of the label and the discussion: one
// comment's commands look each up once, and a missing label that another command creates at the
// same moment (GitHub's 422 already_exists) is that label, not a failure.
import nock from "nock";
import { ProbotOctokit } from "probot";
import type { GitHub } from "../../src/github.js";
import { agendaLabeller } from "../../src/publish/agenda-labels.js";

const API = "https://api.github.com";
const REPO = "/repos/nodejs/security-wg";
const LABEL = "security-wg-agenda";
const discussion = (number: number) => ({ repo: "nodejs/security-wg" as const, number, discussion: true });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function octokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
}

interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
}

const asksLabel = (body: GraphqlBody) => /label\(name:/.test(body.query);
const mutation = (name: string, labelable: string) => (body: GraphqlBody) => body.query.includes(name) && body.variables["labelable"] === labelable && body.variables["label"] === "LA_agenda";

test("a label another command created meanwhile (422 already_exists) is read and added", async () => {
  const scope = nock(API)
    .post("/graphql", (body: GraphqlBody) => asksLabel(body) && body.variables["number"] === 4)
    .reply(200, { data: { repository: { label: null, discussion: { id: "D_4" } } } })
    .post(`${REPO}/labels`, { name: LABEL })
    .reply(422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }], documentation_url: "https://docs.github.com/rest/issues/labels#create-a-label", status: "422" })
    .get(`${REPO}/labels/${LABEL}`)
    .reply(200, { id: 1, node_id: "LA_agenda", name: LABEL, color: "ededed" })
    .post("/graphql", mutation("addLabelsToLabelable", "D_4"))
    .reply(200, { data: { addLabelsToLabelable: { clientMutationId: null } } });

  await agendaLabeller(octokit()).add(discussion(4), LABEL);
  expect(scope.pendingMocks()).toEqual([]);
});

test("another refusal of the label's create fails the command", async () => {
  const scope = nock(API)
    .post("/graphql")
    .reply(200, { data: { repository: { label: null, discussion: { id: "D_4" } } } })
    .post(`${REPO}/labels`)
    .reply(422, { message: "Validation Failed", errors: [{ resource: "Label", code: "invalid", field: "name" }], status: "422" });

  await expect(agendaLabeller(octokit()).add(discussion(4), LABEL)).rejects.toMatchObject({ status: 422 });
  expect(scope.pendingMocks()).toEqual([]);
});

test("one comment's commands look up the label once and each discussion once: the label it created is not asked for again", async () => {
  const scope = nock(API)
    .post("/graphql", (body: GraphqlBody) => asksLabel(body) && body.variables["number"] === 4)
    .reply(200, { data: { repository: { label: null, discussion: { id: "D_4" } } } })
    .post(`${REPO}/labels`, { name: LABEL })
    .reply(201, { id: 1, node_id: "LA_agenda", name: LABEL, color: "ededed" })
    .post("/graphql", mutation("addLabelsToLabelable", "D_4"))
    .reply(200, { data: { addLabelsToLabelable: { clientMutationId: null } } })
    .post("/graphql", (body: GraphqlBody) => !asksLabel(body) && body.variables["number"] === 5)
    .reply(200, { data: { repository: { discussion: { id: "D_5" } } } })
    .post("/graphql", mutation("addLabelsToLabelable", "D_5"))
    .reply(200, { data: { addLabelsToLabelable: { clientMutationId: null } } })
    .post("/graphql", mutation("removeLabelsFromLabelable", "D_4"))
    .reply(200, { data: { removeLabelsFromLabelable: { clientMutationId: null } } });

  const labeller = agendaLabeller(octokit());
  await labeller.add(discussion(4), LABEL);
  await labeller.add(discussion(5), LABEL);
  await labeller.remove(discussion(4), LABEL);
  expect(scope.pendingMocks()).toEqual([]);
});

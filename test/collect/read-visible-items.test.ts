// Items read 100 a GraphQL query come out as those read one by one through REST would: GraphQL
// answers a renamed repository under the name asked, so its items are left to REST, which names
// the repository they are in now.
import nock from "nock";
import { ProbotOctokit } from "probot";
import type { GitHub } from "../../src/github.js";
import { readVisibleItems } from "../../src/collect/read-visible-items.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

const API = "https://api.github.com";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function octokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
}

function restIssue(number: number, repo: string) {
  return {
    number,
    title: `Item ${number}`,
    html_url: `https://github.com/${repo}/issues/${number}`,
    repository_url: `${API}/repos/${repo}`,
    state: "open",
    user: { login: "dependabot[bot]" },
    labels: [{ name: "security-wg-agenda" }],
    created_at: "2024-03-20T10:00:00Z",
    updated_at: "2024-03-25T10:00:00Z",
  };
}

test("the items of a repository renamed since they were recorded are read under its new name, as REST reads them", async () => {
  const graphqlNode = (number: number) => ({
    __typename: "Issue",
    number,
    title: `Item ${number}`,
    url: `https://github.com/nodejs/undici-next/issues/${number}`,
    createdAt: "2024-03-20T10:00:00Z",
    updatedAt: "2024-03-25T10:00:00Z",
    author: { __typename: "Bot", login: "dependabot" },
    labels: { nodes: [{ name: "security-wg-agenda" }] },
    state: "OPEN",
  });
  const scope = nock(API)
    .post("/graphql")
    .reply(200, { data: { r0: { nameWithOwner: "nodejs/undici-next", visibility: "PUBLIC", i0: graphqlNode(1), i1: graphqlNode(2) } } })
    .get("/repos/nodejs/undici")
    .reply(200, { full_name: "nodejs/undici-next", private: false, visibility: "public" })
    .get("/repos/nodejs/undici/issues/1")
    .reply(200, restIssue(1, "nodejs/undici-next"))
    .get("/repos/nodejs/undici/issues/2")
    .reply(200, restIssue(2, "nodejs/undici-next"))
    .get("/repos/nodejs/undici-next")
    .reply(200, { full_name: "nodejs/undici-next", private: false, visibility: "public" });

  const read = await readVisibleItems(octokit(), securityWgMeeting(), { private: false }, [
    { repo: "nodejs/undici", number: 1 },
    { repo: "nodejs/undici", number: 2 },
  ], { batched: true });

  expect(scope.pendingMocks()).toEqual([]);
  expect(read.items.map(({ item }) => [item.repo, item.number, item.author])).toEqual([
    ["nodejs/undici-next", 1, "dependabot[bot]"],
    ["nodejs/undici-next", 2, "dependabot[bot]"],
  ]);
});

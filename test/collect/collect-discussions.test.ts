import nock from "nock";
import { ProbotOctokit } from "probot";
import { collectAgendaItems } from "../../src/collect/collect-agenda-items.js";
import { DISCUSSION_SEARCH_QUERY } from "../../src/collect/collect-discussions.js";
import type { GitHub } from "../../src/github.js";
import type { Meeting } from "../../src/model.js";
import { searchPage } from "../fixtures/search-items.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

// Labelled discussions (`sources.discussions`) beside the issue search's items: GraphQL's
// discussion search, one scope qualifier a query, each result checked against its query, the
// labels, the categories and the visibility rule.

const API = "https://api.github.com";

function octokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
}

function discussionMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return securityWgMeeting({ sources: { discussions: { categories: [] } }, ...overrides });
}

function discussion(repo: string, number: number, spec: { labels?: string[]; category?: string; closed?: boolean; visibility?: string } = {}) {
  return {
    __typename: "Discussion",
    number,
    title: `Discussion ${number}`,
    url: `https://github.com/${repo}/discussions/${number}`,
    createdAt: "2024-03-12T10:14:03Z",
    updatedAt: "2024-03-20T10:14:03Z",
    author: { login: "mhdawson" },
    labels: { nodes: (spec.labels ?? ["security-wg-agenda"]).map((name) => ({ name })) },
    closed: spec.closed ?? false,
    category: { name: spec.category ?? "Agenda" },
    repository: { nameWithOwner: repo, visibility: spec.visibility ?? "PUBLIC" },
  };
}

function discussionPage(nodes: unknown[], count = nodes.length, endCursor: string | null = null) {
  return { data: { search: { discussionCount: count, pageInfo: { hasNextPage: endCursor !== null, endCursor }, nodes } } };
}

function mockHome(meeting: Meeting, visibility: "public" | "private") {
  const { owner, repo } = meeting.home;
  return nock(API)
    .get(`/repos/${owner}/${repo}`)
    .reply(200, { name: repo, full_name: `${owner}/${repo}`, private: visibility !== "public", visibility, html_url: `https://github.com/${owner}/${repo}` })
    .get("/search/issues")
    .query(true)
    .reply(200, searchPage([]));
}

function discussionSearch(q: string, after: string | null = null) {
  return (body: { query: string; variables: { q: string; after: string | null } }) =>
    body.query === DISCUSSION_SEARCH_QUERY && body.variables.q === q && body.variables.after === after;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test("open labelled discussions of the scope are agenda items of kind discussion, with their search page", async () => {
  const meeting = discussionMeeting();
  const q = "is:open is:public label:security-wg-agenda org:nodejs";
  const scope = mockHome(meeting, "public")
    .post("/graphql", discussionSearch(q))
    .reply(200, discussionPage([
      discussion("nodejs/security-wg", 40),
      discussion("nodejs/security-wg", 41, { closed: true }),
      discussion("nodejs/security-wg", 42, { labels: ["other"] }),
      discussion("nodejs/private-repo", 43, { visibility: "PRIVATE" }),
      discussion("expressjs/express", 44),
    ]));

  const collected = await collectAgendaItems(octokit(), meeting);

  expect(scope.pendingMocks()).toEqual([]);
  expect(collected.items.map((item) => `${item.repo}#${item.number} ${item.kind}`)).toEqual(["nodejs/security-wg#40 discussion"]);
  expect(collected.items[0]).toMatchObject({ title: "Discussion 40", url: "https://github.com/nodejs/security-wg/discussions/40", author: "mhdawson" });
  expect(collected.items[0]).not.toHaveProperty("draft");
  expect(collected.searchUrls).toEqual([
    "https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues",
    "https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=discussions",
  ]);
  expect(collected.requests).toBe(3);
});

test("categories filter, without case; several repositories take a query each", async () => {
  const meeting = discussionMeeting({ scope: { orgs: [], repos: ["nodejs/node", "nodejs/tsc"] }, sources: { discussions: { categories: ["agenda"] } } });
  const scope = mockHome(meeting, "public")
    .post("/graphql", discussionSearch("is:open is:public label:security-wg-agenda repo:nodejs/node"))
    .reply(200, discussionPage([discussion("nodejs/node", 7, { category: "Agenda" }), discussion("nodejs/node", 8, { category: "Q&A" })]))
    .post("/graphql", discussionSearch("is:open is:public label:security-wg-agenda repo:nodejs/tsc"))
    .reply(200, discussionPage([discussion("nodejs/tsc", 9, { category: "AGENDA" })]));

  const collected = await collectAgendaItems(octokit(), meeting);

  expect(scope.pendingMocks()).toEqual([]);
  expect(collected.items.map((item) => `${item.repo}#${item.number}`)).toEqual(["nodejs/node#7", "nodejs/tsc#9"]);
});

test("pages follow the cursor, and more than 1,000 matches say the agenda is cut", async () => {
  const meeting = discussionMeeting();
  const q = "is:open is:public label:security-wg-agenda org:nodejs";
  const scope = mockHome(meeting, "public")
    .post("/graphql", discussionSearch(q))
    .reply(200, discussionPage([discussion("nodejs/node", 2000)], 1500, "c1"))
    .post("/graphql", discussionSearch(q, "c1"))
    .reply(200, discussionPage([discussion("nodejs/node", 1999)], 1500));

  const collected = await collectAgendaItems(octokit(), meeting);

  expect(scope.pendingMocks()).toEqual([]);
  expect(collected.items).toHaveLength(2);
  expect(collected.truncated).toBe(true);
});

test("a private home shows its own private discussions, searched without is:public", async () => {
  const meeting = discussionMeeting({ home: { owner: "nodejs", repo: "secret" } });
  const scope = mockHome(meeting, "private")
    .get("/search/issues")
    .query(true)
    .reply(200, searchPage([]))
    .post("/graphql", discussionSearch("is:open is:public label:security-wg-agenda org:nodejs"))
    .reply(200, discussionPage([]))
    .post("/graphql", discussionSearch("is:open label:security-wg-agenda repo:nodejs/secret"))
    .reply(200, discussionPage([discussion("nodejs/secret", 3, { visibility: "PRIVATE" }), discussion("nodejs/other", 4, { visibility: "PRIVATE" })]));

  const collected = await collectAgendaItems(octokit(), meeting);

  expect(scope.pendingMocks()).toEqual([]);
  expect(collected.items.map((item) => `${item.repo}#${item.number}`)).toEqual(["nodejs/secret#3"]);
});

test("GitHub refusing discussions (no Discussions permission) leaves the issues, with a note", async () => {
  const meeting = discussionMeeting();
  const scope = mockHome(meeting, "public")
    .post("/graphql")
    .reply(200, { data: { search: null }, errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration", path: ["search"] }] });

  const collected = await collectAgendaItems(octokit(), meeting);

  expect(scope.pendingMocks()).toEqual([]);
  expect(collected.discussionsUnread).toBe(true);
  expect(collected.items).toEqual([]);
});

test("a 403 that is no permission refusal (a secondary rate limit) fails the collection, to be tried again, instead of saying discussions are not allowed", async () => {
  const meeting = discussionMeeting();
  const scope = mockHome(meeting, "public")
    .post("/graphql")
    .reply(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." });

  await expect(collectAgendaItems(octokit(), meeting)).rejects.toMatchObject({ status: 403 });
  expect(scope.pendingMocks()).toEqual([]);
});

test("a meeting with several agenda labels searches discussions one label a query, as discussion search reads no `label:a,b`", async () => {
  const meeting = discussionMeeting({ agendaLabels: ["security-wg-agenda", "tsc-agenda"] });
  const scope = mockHome(meeting, "public")
    .post("/graphql", discussionSearch("is:open is:public label:security-wg-agenda org:nodejs"))
    .reply(200, discussionPage([discussion("nodejs/security-wg", 40)]))
    .post("/graphql", discussionSearch("is:open is:public label:tsc-agenda org:nodejs"))
    .reply(200, discussionPage([discussion("nodejs/security-wg", 41, { labels: ["tsc-agenda"] })]));

  const collected = await collectAgendaItems(octokit(), meeting);

  expect(scope.pendingMocks()).toEqual([]);
  expect(collected.items.map((item) => `${item.repo}#${item.number}`)).toEqual(["nodejs/security-wg#40", "nodejs/security-wg#41"]);
});

import nock from "nock";
import { ProbotOctokit } from "probot";
import { collectAgendaItems } from "../../src/collect/collect-agenda-items.js";
import type { GitHub } from "../../src/github.js";
import type { Meeting } from "../../src/model.js";
import {
  inactiveLimit,
  manyItems,
  removeExperimentalPolicy,
  searchItem,
  searchPage,
  securityInitiatives,
} from "../fixtures/search-items.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

const API = "https://api.github.com";

function octokit(): GitHub {
  return new ProbotOctokit({
    auth: { token: "t" },
    retry: { enabled: false },
    throttle: { enabled: false },
  });
}

function mockHome(meeting: Meeting, visibility: "public" | "private" | "internal") {
  const { owner, repo } = meeting.home;
  return nock(API)
    .get(`/repos/${owner}/${repo}`)
    .reply(200, {
      id: 96_123_456,
      name: repo,
      full_name: `${owner}/${repo}`,
      private: visibility !== "public",
      visibility,
      html_url: `https://github.com/${owner}/${repo}`,
    });
}

function searchQuery(q: string, page: number) {
  return { q, sort: "created", order: "desc", per_page: "100", page: String(page) };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("collectAgendaItems", () => {
  test("one search finds the agenda items of an org for a public home", async () => {
    const meeting = securityWgMeeting();
    const scope = mockHome(meeting, "public")
      .get("/search/issues")
      .query(searchQuery("is:open is:public label:security-wg-agenda org:nodejs", 1))
      .reply(200, searchPage([securityInitiatives(), removeExperimentalPolicy(), inactiveLimit()]));

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.requests).toBe(2);
    expect(collected.truncated).toBe(false);
    expect(collected.home).toEqual({ private: false, visibility: "public" });
    expect(collected.searchUrls).toEqual([
      "https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues",
    ]);
    expect(collected.items.map((item) => `${item.repo}#${item.number} ${item.kind}`)).toEqual([
      "nodejs/security-wg#1255 issue",
      "nodejs/node#52575 issue",
      "nodejs/node#52459 pull_request",
    ]);
  });

  test("250 results take three pages", async () => {
    const meeting = securityWgMeeting();
    const q = "is:open is:public label:security-wg-agenda org:nodejs";
    const items = manyItems("nodejs/node", 250);
    const scope = mockHome(meeting, "public");
    for (const page of [1, 2, 3]) {
      scope
        .get("/search/issues")
        .query(searchQuery(q, page))
        .reply(200, searchPage(items.slice((page - 1) * 100, page * 100), 250));
    }

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.requests).toBe(1 + 3);
    expect(collected.items).toHaveLength(250);
    expect(collected.truncated).toBe(false);
  });

  test("exactly 200 results take two pages, not a third empty one", async () => {
    const meeting = securityWgMeeting();
    const q = "is:open is:public label:security-wg-agenda org:nodejs";
    const items = manyItems("nodejs/node", 200);
    const scope = mockHome(meeting, "public");
    for (const page of [1, 2]) {
      scope
        .get("/search/issues")
        .query(searchQuery(q, page))
        .reply(200, searchPage(items.slice((page - 1) * 100, page * 100), 200));
    }

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.requests).toBe(1 + 2);
    expect(collected.items).toHaveLength(200);
  });

  test("more than 1,000 matches stop after ten pages and report truncation", async () => {
    const meeting = securityWgMeeting();
    const q = "is:open is:public label:security-wg-agenda org:nodejs";
    const items = manyItems("nodejs/node", 1000, 60000);
    const scope = mockHome(meeting, "public");
    for (let page = 1; page <= 10; page++) {
      scope
        .get("/search/issues")
        .query(searchQuery(q, page))
        .reply(200, searchPage(items.slice((page - 1) * 100, page * 100), 1342));
    }

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.requests).toBe(1 + 10);
    expect(collected.items).toHaveLength(1000);
    expect(collected.truncated).toBe(true);
  });

  test("a search GitHub could not finish is reported as truncated", async () => {
    const meeting = securityWgMeeting();
    const scope = mockHome(meeting, "public")
      .get("/search/issues")
      .query(searchQuery("is:open is:public label:security-wg-agenda org:nodejs", 1))
      .reply(200, searchPage([securityInitiatives()], 1, true));

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.truncated).toBe(true);
  });

  test("items found by several queries appear once", async () => {
    const meeting = securityWgMeeting({
      agendaLabels: ["security-wg-agenda", "agenda, security"],
    });
    const bothLabels = () =>
      searchItem({
        repo: "nodejs/security-wg",
        number: 1236,
        title: "Proposed approach for build steps in deps which are not in make node",
        author: "mhdawson",
        labels: ["security-wg-agenda", "agenda, security"],
      });
    const scope = mockHome(meeting, "public")
      .get("/search/issues")
      .query(searchQuery('is:open is:public label:"agenda, security" org:nodejs', 1))
      .reply(200, searchPage([bothLabels()]))
      .get("/search/issues")
      .query(searchQuery('is:open is:public label:"security-wg-agenda" org:nodejs', 1))
      .reply(200, searchPage([bothLabels(), securityInitiatives()]));

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.requests).toBe(3);
    expect(collected.searchUrls).toHaveLength(2);
    expect(collected.items.map((item) => item.number)).toEqual([1236, 1255]);
  });

  test("a private home also searches itself and includePrivate without is:public", async () => {
    const meeting = securityWgMeeting({
      home: { owner: "nodejs", repo: "security-private" },
      includePrivate: ["nodejs/security-release"],
    });
    const embargoed = () =>
      searchItem({
        repo: "nodejs/security-private",
        number: 12,
        title: "Embargoed: CVE fix for the March release",
        visibility: "private",
      });
    const scope = mockHome(meeting, "private")
      .get("/search/issues")
      .query(searchQuery("is:open is:public label:security-wg-agenda org:nodejs", 1))
      .reply(200, searchPage([securityInitiatives()]))
      .get("/search/issues")
      .query(
        searchQuery(
          "is:open label:security-wg-agenda (repo:nodejs/security-private OR repo:nodejs/security-release)",
          1,
        ),
      )
      .reply(200, searchPage([embargoed()]));

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.home).toEqual({ private: true, visibility: "private" });
    expect(collected.items.map((item) => `${item.repo}#${item.number}`)).toEqual([
      "nodejs/security-wg#1255",
      "nodejs/security-private#12",
    ]);
  });

  test("an internal home counts as private", async () => {
    const meeting = securityWgMeeting({ home: { owner: "nodejs", repo: "security-internal" } });
    const scope = mockHome(meeting, "internal")
      .get("/search/issues")
      .query(searchQuery("is:open is:public label:security-wg-agenda org:nodejs", 1))
      .reply(200, searchPage([]))
      .get("/search/issues")
      .query(searchQuery("is:open label:security-wg-agenda repo:nodejs/security-internal", 1))
      .reply(200, searchPage([]));

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.home).toEqual({ private: true, visibility: "internal" });
  });

  test("results a query may not return are dropped", async () => {
    const meeting = securityWgMeeting();
    const privateItem = searchItem({
      repo: "nodejs/security-private",
      number: 12,
      title: "Embargoed: CVE fix for the March release",
      visibility: "private",
    });
    const otherOrg = searchItem({
      repo: "openjs-foundation/cross-project-council",
      number: 1234,
      title: "Another org's item with our label",
      author: "mhdawson",
    });
    const closed = searchItem({
      repo: "nodejs/security-wg",
      number: 1250,
      title: "Threat model review",
      state: "closed",
    });
    const unlabelled = searchItem({
      repo: "nodejs/security-wg",
      number: 1248,
      title: "Update the onboarding doc",
      labels: ["good first issue"],
    });
    const scope = mockHome(meeting, "public")
      .get("/search/issues")
      .query(searchQuery("is:open is:public label:security-wg-agenda org:nodejs", 1))
      .reply(
        200,
        searchPage([privateItem, otherOrg, closed, unlabelled, securityInitiatives()]),
      );

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.items.map((item) => `${item.repo}#${item.number}`)).toEqual([
      "nodejs/security-wg#1255",
    ]);
  });

  test("a private item is dropped from the public query of a private home too", async () => {
    const meeting = securityWgMeeting({ home: { owner: "nodejs", repo: "security-private" } });
    const otherPrivate = searchItem({
      repo: "nodejs/release-private",
      number: 7,
      title: "Release keys rotation",
      visibility: "private",
    });
    const scope = mockHome(meeting, "private")
      .get("/search/issues")
      .query(searchQuery("is:open is:public label:security-wg-agenda org:nodejs", 1))
      .reply(200, searchPage([otherPrivate]))
      .get("/search/issues")
      .query(searchQuery("is:open label:security-wg-agenda repo:nodejs/security-private", 1))
      .reply(200, searchPage([otherPrivate]));

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.items).toEqual([]);
  });

  test("labels match case-insensitively, as on GitHub", async () => {
    const meeting = securityWgMeeting({ agendaLabels: ["Security-WG-Agenda"] });
    const scope = mockHome(meeting, "public")
      .get("/search/issues")
      .query(searchQuery("is:open is:public label:Security-WG-Agenda org:nodejs", 1))
      .reply(200, searchPage([securityInitiatives()]));

    const collected = await collectAgendaItems(octokit(), meeting);

    expect(scope.pendingMocks()).toEqual([]);
    expect(collected.items).toHaveLength(1);
  });
});

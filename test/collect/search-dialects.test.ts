import { buildSearchQueries, MAX_OPERATORS, MAX_QUERY_LENGTH } from "../../src/collect/build-search-queries.js";
import { bindSearchToken, GITHUB_COM_SEARCH, searchDialect } from "../../src/collect/search-dialect.js";
import type { GitHub } from "../../src/github.js";
import type { RepoFullName } from "../../src/model.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

const publicHome = { private: false };
const sixRepos = ["node", "security-wg", "TSC", "admin", "undici", "build"].map((name) => `nodejs/${name}` as RepoFullName);

describe("the queries of each search dialect", () => {
  test("advanced search: scope qualifiers joined by an explicit OR, at most five operators with the label list", () => {
    const meeting = securityWgMeeting({ agendaLabels: ["security-wg-agenda", "tsc-agenda"], scope: { orgs: [], repos: sixRepos } });
    expect(buildSearchQueries(meeting, publicHome, GITHUB_COM_SEARCH).map((query) => query.q)).toEqual([
      "is:open is:public label:security-wg-agenda,tsc-agenda (repo:nodejs/node OR repo:nodejs/security-wg OR repo:nodejs/TSC OR repo:nodejs/admin OR repo:nodejs/undici)",
      "is:open is:public label:security-wg-agenda,tsc-agenda repo:nodejs/build",
    ]);
  });

  test("no query relies on whitespace between two scope qualifiers", () => {
    const meeting = securityWgMeeting({ scope: { orgs: ["nodejs", "pkgjs"], repos: sixRepos } });
    for (const dialect of [GITHUB_COM_SEARCH, { advanced: false, enterprise: true, typed: false }, { ...GITHUB_COM_SEARCH, typed: true }]) {
      for (const { q } of buildSearchQueries(meeting, publicHome, dialect)) {
        expect(q).not.toMatch(/(repo|org):\S+ (repo|org):/);
        expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(q.split(" ").filter((word) => word === "OR").length).toBeLessThanOrEqual(MAX_OPERATORS);
      }
    }
  });

  test("without advanced search (GitHub Enterprise Server before 3.17) each query names one scope term", () => {
    const meeting = securityWgMeeting({ scope: { orgs: ["nodejs", "pkgjs"], repos: sixRepos.slice(0, 2) } });
    expect(buildSearchQueries(meeting, publicHome, { advanced: false, enterprise: true, typed: false }).map((query) => query.q)).toEqual([
      "is:open is:public label:security-wg-agenda org:nodejs",
      "is:open is:public label:security-wg-agenda org:pkgjs",
      "is:open is:public label:security-wg-agenda repo:nodejs/node",
      "is:open is:public label:security-wg-agenda repo:nodejs/security-wg",
    ]);
  });

  test("a token that must name a type searches issues and pull requests one after the other", () => {
    const meeting = securityWgMeeting({
      home: { owner: "nodejs", repo: "security-private" },
      includePrivate: ["nodejs/security-release"],
    });
    expect(buildSearchQueries(meeting, { private: true }, { ...GITHUB_COM_SEARCH, typed: true })).toEqual([
      { q: "is:open is:public is:issue label:security-wg-agenda org:nodejs", allowsPrivate: false, orgs: ["nodejs"] },
      { q: "is:open is:public is:pull-request label:security-wg-agenda org:nodejs", allowsPrivate: false, orgs: ["nodejs"] },
      {
        q: "is:open is:issue label:security-wg-agenda (repo:nodejs/security-private OR repo:nodejs/security-release)",
        allowsPrivate: true,
        repos: ["nodejs/security-private", "nodejs/security-release"],
      },
      {
        q: "is:open is:pull-request label:security-wg-agenda (repo:nodejs/security-private OR repo:nodejs/security-release)",
        allowsPrivate: true,
        repos: ["nodejs/security-private", "nodejs/security-release"],
      },
    ]);
  });

  test("a typed query of the longest repository name still fits", () => {
    const meeting = securityWgMeeting({ scope: { orgs: [], repos: [`nodejs/${"a".repeat(100)}`] }, agendaLabels: ["x".repeat(100)] });
    for (const { q } of buildSearchQueries(meeting, publicHome, { ...GITHUB_COM_SEARCH, typed: true })) expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });
});

describe("searchDialect", () => {
  const client = () => ({}) as GitHub;

  test("github.com (no X-GitHub-Enterprise-Version) has advanced search", () => {
    expect(searchDialect(client(), {})).toEqual({ advanced: true, enterprise: false, typed: false });
  });

  test.each([
    ["3.16.9", false],
    ["3.17.0", true],
    ["3.20.1", true],
    ["4.0.0", true],
    ["2.22.5", false],
  ])("GitHub Enterprise Server %s: advanced search %s", (version, advanced) => {
    expect(searchDialect(client(), { "x-github-enterprise-version": version })).toEqual({ advanced, enterprise: true, typed: false });
  });

  test.each([
    ["ghu_16C7e42F292c6912E7710c838347Ae178B4a", true],
    ["github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", true],
    ["ghp_16C7e42F292c6912E7710c838347Ae178B4a", false],
    ["gho_16C7e42F292c6912E7710c838347Ae178B4a", false],
    ["ghs_16C7e42F292c6912E7710c838347Ae178B4a", false],
  ])("a client made with %s names a type: %s", (token, typed) => {
    expect(searchDialect(bindSearchToken(client(), token), {}).typed).toBe(typed);
  });
});

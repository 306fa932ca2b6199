import {
  buildSearchQueries,
  MAX_OPERATORS,
  MAX_QUERY_LENGTH,
  type SearchQuery,
} from "../../src/collect/build-search-queries.js";
import type { RepoFullName } from "../../src/model.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

const publicHome = { private: false };
const privateHome = { private: true };

/** Explicit ORs, and the implicit ones between the labels of `label:`. */
function operatorCount(query: SearchQuery): number {
  const explicit = query.q.replace(/"[^"]*"/g, "x").split(" ").filter((word) => ["AND", "OR", "NOT"].includes(word)).length;
  const labels = query.q.match(/label:(\S+)/)?.[1] ?? "";
  const labelCommas = labels.replace(/"[^"]*"/g, "x").split(",").length;
  return explicit + labelCommas - 1;
}

function expectWithinLimits(queries: SearchQuery[]) {
  for (const query of queries) {
    expect(query.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(operatorCount(query)).toBeLessThanOrEqual(MAX_OPERATORS);
  }
}

/** Forty real nodejs repositories. */
const fortyRepos = [
  "node", "security-wg", "TSC", "admin", "nodejs.org", "corepack", "undici", "build",
  "citgm", "node-gyp", "nan", "llhttp", "node-addon-api", "node-core-utils",
  "release-cloudflare-worker",
  "Release", "help", "diagnostics", "docker-node", "node-v8", "examples", "package-maintenance",
  "performance", "next-10", "loaders", "single-executable", "uvwasi", "wasi", "web-team",
  "user-feedback", "tooling", "nodejs-dependency-vuln-assessments", "open-standards",
  "changelog-maker", "branch-diff", "github-bot", "import-in-the-middle", "is-my-node-vulnerable",
  "node-api-cts", "doc-kit",
].map((name) => `nodejs/${name}` as RepoFullName);

describe("buildSearchQueries", () => {
  test("an org-scoped meeting in a public repo is one public query", () => {
    expect(buildSearchQueries(securityWgMeeting(), publicHome)).toMatchInlineSnapshot(`
      [
        {
          "allowsPrivate": false,
          "orgs": [
            "nodejs",
          ],
          "q": "is:open is:public label:security-wg-agenda org:nodejs",
        },
      ]
    `);
  });

  test("a public home never names the repos in includePrivate", () => {
    const meeting = securityWgMeeting({ includePrivate: ["nodejs/security-private"] });
    const queries = buildSearchQueries(meeting, publicHome);
    expect(queries.map((query) => query.q)).toEqual([
      "is:open is:public label:security-wg-agenda org:nodejs",
    ]);
    expect(JSON.stringify(queries)).not.toContain("security-private");
  });

  test("a private home adds a query without is:public for itself and includePrivate", () => {
    const meeting = securityWgMeeting({
      home: { owner: "nodejs", repo: "security-private" },
      includePrivate: ["nodejs/security-release", "openjs-foundation/security-collab-space"],
    });
    expect(buildSearchQueries(meeting, privateHome)).toMatchInlineSnapshot(`
      [
        {
          "allowsPrivate": false,
          "orgs": [
            "nodejs",
          ],
          "q": "is:open is:public label:security-wg-agenda org:nodejs",
        },
        {
          "allowsPrivate": true,
          "q": "is:open label:security-wg-agenda (repo:nodejs/security-private OR repo:nodejs/security-release)",
          "repos": [
            "nodejs/security-private",
            "nodejs/security-release",
          ],
        },
      ]
    `);
  });

  test("a private home outside a repo-list scope searches no private repo", () => {
    const meeting = securityWgMeeting({
      home: { owner: "nodejs", repo: "security-private" },
      scope: { orgs: [], repos: ["nodejs/node", "nodejs/security-wg"] },
    });
    expect(buildSearchQueries(meeting, privateHome).map((query) => query.q)).toEqual([
      "is:open is:public label:security-wg-agenda (repo:nodejs/node OR repo:nodejs/security-wg)",
    ]);
  });

  test("a private home named in includePrivate as well is searched once", () => {
    const meeting = securityWgMeeting({
      home: { owner: "nodejs", repo: "security-private" },
      includePrivate: ["nodejs/Security-Private"],
    });
    const privateQueries = buildSearchQueries(meeting, privateHome).filter((q) => q.allowsPrivate);
    expect(privateQueries.map((query) => query.repos)).toEqual([["nodejs/security-private"]]);
  });

  test("several orgs are org: qualifiers joined by an explicit OR", () => {
    const meeting = securityWgMeeting({
      scope: { orgs: ["nodejs", "openjs-foundation", "expressjs"], repos: [] },
    });
    expect(buildSearchQueries(meeting, publicHome).map((query) => query.q)).toEqual([
      "is:open is:public label:security-wg-agenda (org:nodejs OR org:openjs-foundation OR org:expressjs)",
    ]);
  });

  test("several labels are OR'ed in one label: qualifier", () => {
    const meeting = securityWgMeeting({ agendaLabels: ["tsc-agenda", "tsc-review"] });
    expect(buildSearchQueries(meeting, publicHome).map((query) => query.q)).toEqual([
      "is:open is:public label:tsc-agenda,tsc-review org:nodejs",
    ]);
  });

  test("labels with spaces or other characters are quoted, all of them then", () => {
    const meeting = securityWgMeeting({
      agendaLabels: ["tsc-agenda", "good first issue", "🔒 security"],
    });
    expect(buildSearchQueries(meeting, publicHome).map((query) => query.q)).toEqual([
      'is:open is:public label:"tsc-agenda","good first issue","🔒 security" org:nodejs',
    ]);
  });

  test("a label with a comma gets a query of its own", () => {
    const meeting = securityWgMeeting({
      agendaLabels: ["tsc-agenda", "agenda, security", "wg agenda"],
    });
    expect(buildSearchQueries(meeting, publicHome).map((query) => query.q)).toEqual([
      'is:open is:public label:"agenda, security" org:nodejs',
      'is:open is:public label:"tsc-agenda","wg agenda" org:nodejs',
    ]);
  });

  test("a label with a double quote cannot be searched and says so", () => {
    const meeting = securityWgMeeting({ agendaLabels: ['say "agenda"'] });
    expect(() => buildSearchQueries(meeting, publicHome)).toThrow(
      'Meeting "security-wg": agenda label "say \\"agenda\\"" contains a double quote, which GitHub search cannot match; rename the label.',
    );
  });

  test("a label too long to fit with the longest repository name says so", () => {
    const meeting = securityWgMeeting({
      agendaLabels: ["agenda-".repeat(20)],
      scope: { orgs: [], repos: [`nodejs/${"a".repeat(100)}`] },
    });
    expect(() => buildSearchQueries(meeting, publicHome)).toThrow(
      /^Meeting "security-wg": the agenda label qualifier label:agenda-agenda-.* leaves no room in a 256-character GitHub search query; use a shorter label\.$/,
    );
  });

  test("no agenda label is an error", () => {
    expect(() => buildSearchQueries(securityWgMeeting({ agendaLabels: [] }), publicHome)).toThrow(
      'Meeting "security-wg": agenda_labels is empty',
    );
  });

  test("40 repos in scope split into queries within the length and operator limits", () => {
    const meeting = securityWgMeeting({ scope: { orgs: [], repos: fortyRepos } });
    const queries = buildSearchQueries(meeting, publicHome);

    expectWithinLimits(queries);
    expect(queries.flatMap((query) => query.repos)).toEqual(fortyRepos);
    expect(queries).toHaveLength(7);
    for (const query of queries) {
      const repos = query.repos?.map((repo) => `repo:${repo}`).join(" OR ");
      expect(query.q).toBe(`is:open is:public label:security-wg-agenda (${repos})`);
    }
  });

  test("more labels leave room for fewer repos per query", () => {
    const meeting = securityWgMeeting({
      agendaLabels: ["security-wg-agenda", "tsc-agenda", "security"],
      scope: { orgs: [], repos: fortyRepos.slice(0, 10) },
    });
    const queries = buildSearchQueries(meeting, publicHome);

    expectWithinLimits(queries);
    expect(queries.map((query) => query.repos?.length)).toEqual([4, 4, 2]);
  });

  test("long repository names split on length before the operator limit", () => {
    const longRepos = Array.from(
      { length: 6 },
      (_, index) => `nodejs/nodejs-dependency-vuln-assessments-${index}` as RepoFullName,
    );
    const meeting = securityWgMeeting({ scope: { orgs: [], repos: longRepos } });
    const queries = buildSearchQueries(meeting, publicHome);

    expectWithinLimits(queries);
    // Four fit in 256 characters; the operator limit alone would allow six.
    expect(queries.map((query) => query.repos?.length)).toEqual([4, 2]);
  });

  test("more labels than operators allow split into several label: qualifiers", () => {
    const labels = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"].map((l) => `agenda-${l}`);
    const meeting = securityWgMeeting({ agendaLabels: labels });
    const queries = buildSearchQueries(meeting, publicHome);

    expectWithinLimits(queries);
    expect(queries.map((query) => query.q)).toEqual([
      "is:open is:public label:agenda-a1,agenda-a2,agenda-a3,agenda-a4,agenda-a5,agenda-a6 org:nodejs",
      "is:open is:public label:agenda-a7,agenda-a8 org:nodejs",
    ]);
  });

  test("a private home with many repos keeps both query sets within the limits", () => {
    const meeting = securityWgMeeting({
      home: { owner: "nodejs", repo: "security-private" },
      scope: { orgs: [], repos: [...fortyRepos, "nodejs/security-private"] },
      includePrivate: fortyRepos.slice(0, 12),
      agendaLabels: ["security-wg-agenda", "good first issue"],
    });
    const queries = buildSearchQueries(meeting, privateHome);

    expectWithinLimits(queries);
    const publicQueries = queries.filter((query) => !query.allowsPrivate);
    const privateQueries = queries.filter((query) => query.allowsPrivate);
    expect(publicQueries.every((query) => query.q.includes(" is:public "))).toBe(true);
    expect(privateQueries.some((query) => query.q.includes("is:public"))).toBe(false);
    expect(privateQueries.flatMap((query) => query.repos)).toEqual([
      "nodejs/security-private",
      ...fortyRepos.slice(0, 12),
    ]);
  });
});

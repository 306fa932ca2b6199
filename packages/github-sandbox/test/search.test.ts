import { Sandbox } from "../src/sandbox.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

const sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
const app = sandbox.octokit();

async function found(q: string, token = "installation"): Promise<string[]> {
  const { data } = await sandbox.octokit(token).rest.search.issuesAndPullRequests({ q, per_page: 100 });
  return data.items.map((item) => `${item.repository_url.replace("https://api.github.com/repos/", "")}#${item.number}`);
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  return promise.then(
    () => ({ status: 200, body: undefined }),
    (error: { status: number; response?: { data: unknown } }) => ({ status: error.status, body: error.response?.data }),
  );
}

describe("qualifiers", () => {
  test.each([
    ["label:security-wg-agenda is:open is:public org:nodejs", ["nodejs/node#52575", "nodejs/security-wg#1294", "nodejs/security-wg#1255"]],
    ["label:security-wg-agenda,tsc-agenda is:open repo:nodejs/node", ["nodejs/node#52575", "nodejs/node#52459"]],
    ['label:"good first issue"', ["nodejs/security-wg#1300"]],
    ["label:Security-WG-Agenda is:closed", ["nodejs/security-wg#1201"]],
    ["label:security-wg-agenda is:pr", ["nodejs/security-wg#1294"]],
    ["label:security-wg-agenda is:issue is:open repo:nodejs/security-wg", ["nodejs/security-wg#1255"]],
    ["label:security-wg-agenda is:private", ["nodejs/build-internal#3", "nodejs/security-private#7"]],
    ["label:tsc-agenda (repo:nodejs/node OR repo:nodejs/TSC)", ["nodejs/TSC#1500", "nodejs/node#52575", "nodejs/node#52459"]],
    ["label:security-wg-agenda label:tsc-agenda", ["nodejs/node#52575"]],
    ["initiatives in:body", []],
    ["label:security-wg-agenda -label:tsc-agenda is:open is:public", ["nodejs/security-wg#1294", "nodejs/security-wg#1255"]],
    ["security in:title", ["nodejs/security-wg#1300", "nodejs/security-wg#1294", "nodejs/security-wg#1255"]],
    ['"security release" in:title', ["nodejs/security-wg#1300", "nodejs/security-wg#1294"]],
    ["CVE in:body", ["nodejs/security-wg#1300"]],
    ["author:RafaelGSS is:open is:public", ["nodejs/node#52575", "nodejs/security-wg#1300", "nodejs/security-wg#1255"]],
    ["is:pr draft:true", ["nodejs/security-wg#1294"]],
    ["updated:>=2024-03-01 repo:nodejs/security-wg", ["nodejs/security-wg#1255"]],
  ])("%s", async (q, expected) => {
    expect(await found(q)).toEqual(expected);
  });

  test("an installation searches only the repositories it is installed on", async () => {
    expect(await found("label:security-wg-agenda is:open")).not.toContain("pkgjs/parseargs#140");
    expect(await found("label:security-wg-agenda is:open", "user:someone")).toContain("pkgjs/parseargs#140");
  });

  test("a user finds public items and those of repositories they can read", async () => {
    expect(await found("label:security-wg-agenda is:open org:nodejs", "user:someone")).toEqual([
      "nodejs/node#52575",
      "nodejs/security-wg#1294",
      "nodejs/security-wg#1255",
    ]);
    // Members read every repository of an org whose base permission is read.
    expect(await found("label:security-wg-agenda is:private org:nodejs", "user:UlisesGascon")).toEqual([
      "nodejs/build-internal#3",
      "nodejs/security-private#7",
    ]);
  });

  test("items carry GitHub's full search-result shape", async () => {
    const { data } = await app.rest.search.issuesAndPullRequests({ q: "repo:nodejs/security-wg is:pr" });
    const [item] = data.items;
    expect(Object.keys(data)).toEqual(["total_count", "incomplete_results", "items", "search_type"]);
    expect({ ...data, items: [] }).toEqual({ total_count: 1, incomplete_results: false, search_type: "lexical", items: [] });
    expect(item).toMatchObject({
      number: 1294,
      html_url: "https://github.com/nodejs/security-wg/pull/1294",
      user: { login: "UlisesGascon" },
      labels: [{ name: "security-wg-agenda", color: "0e8a16", description: "Topics for the next Security WG meeting" }],
      draft: true,
      pull_request: { html_url: "https://github.com/nodejs/security-wg/pull/1294", merged_at: null },
      author_association: "MEMBER",
      created_at: "2020-01-01T00:00:00Z",
      score: 1,
    });
  });

  test("an item without author shows a deleted user", async () => {
    const { data } = await app.rest.search.issuesAndPullRequests({ q: "repo:nodejs/TSC" });
    expect(data.items[0]?.user).toBeNull();
  });
});

describe("refusals", () => {
  test("a repository that does not exist or cannot be seen", async () => {
    const expected = {
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [
          {
            message:
              "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.",
            resource: "Search",
            field: "q",
            code: "invalid",
          },
        ],
        documentation_url: "https://docs.github.com/rest/search/search#search-issues-and-pull-requests",
        status: "422",
      },
    };
    expect(await refusal(app.rest.search.issuesAndPullRequests({ q: "label:x repo:nodejs/nope" }))).toEqual(expected);
    const outsider = sandbox.octokit("user:someone");
    expect(await refusal(outsider.rest.search.issuesAndPullRequests({ q: "repo:nodejs/security-private" }))).toEqual(expected);
  });

  test("a query with more than 256 characters of text or with more than five operators", async () => {
    const long = await refusal(app.rest.search.issuesAndPullRequests({ q: `label:security-wg-agenda ${"x".repeat(257)}` }));
    expect(long).toMatchObject({ status: 422, body: { errors: [{ message: "The search is longer than 256 characters." }] } });
    const operators = await refusal(app.rest.search.issuesAndPullRequests({ q: "a AND b AND c AND d AND e AND f AND g" }));
    expect(operators).toMatchObject({ status: 422, body: { errors: [{ message: "More than five AND / OR / NOT operators were used." }] } });
  });

  test("a missing q", async () => {
    const response = await sandbox.handle(
      new Request("http://sandbox.invalid/api/v3/search/issues", { headers: { authorization: "token installation" } }),
    );
    expect([response.status, await response.json()]).toEqual([
      422,
      {
        message: "Validation Failed",
        errors: [{ resource: "Search", field: "q", code: "missing" }],
        documentation_url: "https://docs.github.com/rest/search/search#search-issues-and-pull-requests",
        status: "422",
      },
    ]);
  });

  test("a sort GitHub does not know", async () => {
    const response = await sandbox.handle(
      new Request("http://sandbox.invalid/api/v3/search/issues?q=is:open&sort=title", { headers: { authorization: "token installation" } }),
    );
    expect(response.status).toBe(422);
  });
});

describe("pagination", () => {
  const many = (count: number) =>
    Sandbox.fromSnapshot(`
now: 2024-03-25T12:00:00Z
orgs:
  nodejs:
    repos:
      node:
        issues:
${Array.from({ length: count }, (_, index) => `          - { number: ${index + 1}, title: "Agenda item ${index + 1}", labels: [tsc-agenda] }`).join("\n")}
`);
  const big = many(1200);

  test("pages of per_page with Link headers pointing back at the server", async () => {
    const octokit = many(250).octokit();
    const first = await octokit.rest.search.issuesAndPullRequests({ q: "label:tsc-agenda", per_page: 100 });
    expect(first.data.total_count).toBe(250);
    expect(first.headers.link).toBe(
      '<http://sandbox.invalid/api/v3/search/issues?q=label%3Atsc-agenda&per_page=100&page=2>; rel="next", ' +
        '<http://sandbox.invalid/api/v3/search/issues?q=label%3Atsc-agenda&per_page=100&page=3>; rel="last"',
    );
    let requests = 0;
    const all = await octokit.paginate(
      octokit.rest.search.issuesAndPullRequests,
      { q: "label:tsc-agenda", per_page: 100 },
      (response) => {
        requests += 1;
        return response.data;
      },
    );
    expect([requests, all.length, new Set(all.map((item) => item.number)).size]).toEqual([3, 250, 250]);
  });

  test("defaults to 30 a page and caps per_page at 100", async () => {
    const octokit = many(250).octokit();
    const defaults = await octokit.rest.search.issuesAndPullRequests({ q: "label:tsc-agenda" });
    const capped = await octokit.rest.search.issuesAndPullRequests({ q: "label:tsc-agenda", per_page: 500 });
    expect([defaults.data.items.length, capped.data.items.length]).toEqual([30, 100]);
  });

  test("serves only the first 1,000 results and counts them all", async () => {
    const octokit = big.octokit();
    const last = await octokit.rest.search.issuesAndPullRequests({ q: "label:tsc-agenda", per_page: 100, page: 10 });
    expect([last.data.total_count, last.data.items.length, last.headers.link?.includes('rel="next"')]).toEqual([1200, 100, false]);
    expect(last.headers.link).toContain('rel="first"');
    const beyond = await refusal(octokit.rest.search.issuesAndPullRequests({ q: "label:tsc-agenda", per_page: 100, page: 11 }));
    expect(beyond).toEqual({
      status: 422,
      body: {
        message: "Only the first 1000 search results are available",
        documentation_url: "https://docs.github.com/rest/search/search#search-issues-and-pull-requests",
        status: "422",
      },
    });
  });
});

test("with a search lag, search sees the state as it was that long ago", async () => {
  const lagging = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  const octokit = lagging.octokit();
  lagging.setSearchLag(60_000);
  await octokit.rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1300, labels: ["security-wg-agenda"] });
  const search = async () =>
    (await octokit.rest.search.issuesAndPullRequests({ q: "label:security-wg-agenda is:open repo:nodejs/security-wg" })).data.items.map((item) => item.number);
  expect(await search()).toEqual([1294, 1255]);
  lagging.clock.advance(60_000);
  expect(await search()).toEqual([1300, 1294, 1255]);
});

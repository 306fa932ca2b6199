import { Sandbox } from "../src/sandbox.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

// Issue search as github.com runs it since 2025-09-04 (advanced search), as GitHub Enterprise
// Server runs it before 3.17, and as each kind of token may use it.

const sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);

async function search(q: string, { token = "installation", on = sandbox, advanced }: { token?: string; on?: Sandbox; advanced?: boolean } = {}) {
  return on
    .octokit(token)
    .rest.search.issuesAndPullRequests({ q, per_page: 100, ...(advanced && { advanced_search: "true" }) })
    .then(
      ({ data }) => ({ status: 200, found: data.items.map((item) => `${item.repository_url.replace("https://api.github.com/repos/", "")}#${item.number}`), message: undefined }),
      (error: { status: number; response?: { data: { message?: string; errors?: { message: string }[] } } }) => ({
        status: error.status,
        found: [] as string[],
        message: error.response?.data.errors?.[0]?.message ?? `(no errors) ${error.response?.data.message}`,
      }),
    );
}

const invalid = (message: string) => ({ status: 422, found: [], message });

describe("advanced search", () => {
  test.each([
    ["label:tsc-agenda (repo:nodejs/node OR repo:nodejs/TSC)", ["nodejs/TSC#1500", "nodejs/node#52575", "nodejs/node#52459"]],
    ["repo:nodejs/TSC OR repo:nodejs/node label:security-wg-agenda", ["nodejs/TSC#1500", "nodejs/node#52575"]],
    ["(label:tsc-agenda AND is:pr) OR (label:security-wg-agenda AND is:pr)", ["nodejs/node#52459", "nodejs/security-wg#1294"]],
    ["label:tsc-agenda NOT is:pr", ["nodejs/TSC#1500", "nodejs/node#52575"]],
    ["is:open (org:nodejs OR org:pkgjs) (label:tsc-agenda OR label:security-wg-agenda) is:issue -label:tsc-agenda repo:nodejs/security-wg", ["nodejs/security-wg#1255"]],
    ["((((label:tsc-agenda)))) repo:nodejs/TSC", ["nodejs/TSC#1500"]],
  ])("%s", async (q, expected) => {
    expect(await search(q)).toEqual({ status: 200, found: expected, message: undefined });
  });

  test("whitespace between two scope qualifiers is AND, the strict reading: an item is in one repository, so nothing matches", async () => {
    expect(await search("label:tsc-agenda repo:nodejs/node repo:nodejs/TSC")).toEqual({ status: 200, found: [], message: undefined });
    expect(await search("label:security-wg-agenda org:nodejs org:pkgjs", { token: "user:someone" })).toEqual({ status: 200, found: [], message: undefined });
  });

  test("five operators and five levels of parentheses are allowed; one more of either is refused", async () => {
    expect((await search("((((( label:tsc-agenda OR label:x OR label:y OR label:z OR label:w OR label:v )))))")).status).toBe(200);
    expect(await search("label:a OR label:b OR label:c OR label:d OR label:e OR label:f OR label:g")).toEqual(invalid("More than five AND / OR / NOT operators were used."));
    expect(await search("(((((( label:tsc-agenda ))))))")).toEqual(invalid("The search contains more than five levels of nested parentheses."));
  });

  test("256 characters of text are allowed, not counting operators and qualifiers", async () => {
    const qualifiers = Array.from({ length: 5 }, (_, index) => `repo:nodejs/node label:long-label-number-${index}-${"x".repeat(30)}`).join(" ");
    expect((await search(`${"a".repeat(256)} ${qualifiers}`)).status).toBe(200);
    expect(await search(`${"a".repeat(128)} ${"b".repeat(128)}`)).toEqual(invalid("The search is longer than 256 characters."));
  });

  test.each(["(label:tsc-agenda", "label:tsc-agenda)", "label:tsc-agenda OR", "AND label:tsc-agenda", "label:a OR OR label:b", "()"])(
    "%s is invalid syntax",
    async (q) => {
      expect(await search(q)).toEqual(invalid("The search query contains invalid syntax."));
    },
  );

  test("an organization or repository that does not exist is refused, as one the searcher cannot see", async () => {
    const message =
      "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.";
    expect(await search("label:x org:nodejss")).toEqual(invalid(message));
    expect(await search("label:x (org:nodejs OR org:nodejss)")).toEqual(invalid(message));
    expect(await search("label:x repo:nodejs/nod")).toEqual(invalid(message));
    expect(await search("label:x -repo:nodejs/nod")).toEqual(invalid(message));
    expect(await search("label:x user:nobody-here")).toEqual(invalid(message));
    expect((await search("label:x user:RafaelGSS")).status).toBe(200);
  });
});

describe("token kinds", () => {
  // GitHub's own message, not a "Validation Failed" listing errors.
  const typeRequired = invalid("(no errors) Query must include 'is:issue' or 'is:pull-request'");

  test("a classic personal token (user:<login>) and the app's installation may search issues and pull requests together", async () => {
    expect((await search("label:tsc-agenda repo:nodejs/node", { token: "user:someone" })).found).toEqual(["nodejs/node#52575", "nodejs/node#52459"]);
    expect((await search("label:tsc-agenda repo:nodejs/node")).found).toEqual(["nodejs/node#52575", "nodejs/node#52459"]);
  });

  test.each(["ghu_someone", "github_pat_someone"])("%s must say is:issue or is:pull-request", async (token) => {
    expect(await search("label:tsc-agenda repo:nodejs/node", { token })).toEqual(typeRequired);
    expect(await search("label:tsc-agenda repo:nodejs/node (is:issue OR is:pr)", { token })).toEqual(typeRequired);
    expect((await search("label:tsc-agenda repo:nodejs/node is:issue", { token })).found).toEqual(["nodejs/node#52575"]);
    expect((await search("label:tsc-agenda repo:nodejs/node is:pull-request", { token })).found).toEqual(["nodejs/node#52459"]);
  });

  test("each kind acts as its person: what they may read, no more", async () => {
    expect((await search("label:security-wg-agenda is:issue is:private", { token: "github_pat_someone" })).found).toEqual([]);
    expect((await search("repo:nodejs/security-private is:issue", { token: "ghu_someone" })).status).toBe(422);
  });
});

describe("GitHub Enterprise Server", () => {
  const old = Sandbox.fromSnapshot(NODEJS_SNAPSHOT, undefined, { enterpriseVersion: "3.16.4" });
  const recent = Sandbox.fromSnapshot(NODEJS_SNAPSHOT, undefined, { enterpriseVersion: "3.19.1" });

  test("a snapshot may say the version", async () => {
    const fromSnapshot = Sandbox.fromSnapshot(`enterprise_version: "3.16.4"\n${NODEJS_SNAPSHOT}`);
    expect((await search("label:tsc-agenda repo:nodejs/node repo:nodejs/TSC", { on: fromSnapshot })).found).toHaveLength(3);
    expect(() => Sandbox.fromSnapshot(`enterprise_version: "latest"\n${NODEJS_SNAPSHOT}`)).toThrow(/enterprise_version: must be a GitHub Enterprise Server version/);
  });

  test("every answer names the version", async () => {
    const { headers } = await old.octokit().rest.repos.get({ owner: "nodejs", repo: "node" });
    expect(headers["x-github-enterprise-version"]).toBe("3.16.4");
    const { headers: dotCom } = await sandbox.octokit().rest.repos.get({ owner: "nodejs", repo: "node" });
    expect(dotCom["x-github-enterprise-version"]).toBeUndefined();
  });

  test("before 3.17, repeated scope qualifiers are a union and OR and parentheses are only text", async () => {
    expect((await search("label:tsc-agenda repo:nodejs/node repo:nodejs/TSC", { on: old })).found).toEqual(["nodejs/TSC#1500", "nodejs/node#52575", "nodejs/node#52459"]);
    expect((await search("label:tsc-agenda (repo:nodejs/node OR repo:nodejs/TSC)", { on: old, advanced: true })).found).toEqual([]);
  });

  test("from 3.17, advanced search when asked for", async () => {
    expect((await search("label:tsc-agenda (repo:nodejs/node OR repo:nodejs/TSC)", { on: recent, advanced: true })).found).toEqual(["nodejs/TSC#1500", "nodejs/node#52575", "nodejs/node#52459"]);
    expect((await search("label:tsc-agenda repo:nodejs/node repo:nodejs/TSC", { on: recent })).found).toHaveLength(3);
  });
});

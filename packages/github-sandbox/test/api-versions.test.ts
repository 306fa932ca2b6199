import { checkResponse } from "../src/openapi.js";
import { Sandbox } from "../src/sandbox.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

// REST API versions as GitHub serves them: github.com both 2022-11-28 and 2026-03-10, GitHub
// Enterprise Server 2026-03-10 only from 3.21; each answer in the words of the version asked for.

const sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);

async function get(path: string, version: string | undefined, on = sandbox) {
  const headers: Record<string, string> = { authorization: "token installation", ...(version && { "x-github-api-version": version }) };
  const response = await on.handle(new Request(`http://sandbox.invalid/api/v3${path}`, { headers }));
  return { status: response.status, selected: response.headers.get("x-github-api-version-selected"), body: (await response.json()) as Record<string, unknown> };
}

test.each([
  ["2022-11-28", "2022-11-28"],
  ["2026-03-10", "2026-03-10"],
  [undefined, "2022-11-28"],
])("github.com serves %s, and names the version it answered in", async (asked, selected) => {
  expect(await get("/repos/nodejs/node", asked)).toMatchObject({ status: 200, selected });
});

test("an unknown version is refused with GitHub's 400, which lists the versions served", async () => {
  expect(await get("/repos/nodejs/node", "v3")).toMatchObject({
    status: 400,
    body: {
      message: 'The version you specified in the "X-GitHub-API-Version" request header, "v3", is not a supported version. The following versions are currently supported: "2026-03-10" (most recent), "2022-11-28".',
      documentation_url: "https://docs.github.com/rest",
    },
  });
});

test("GitHub Enterprise Server serves 2026-03-10 only from 3.21", async () => {
  const older = Sandbox.fromSnapshot(NODEJS_SNAPSHOT, undefined, { enterpriseVersion: "3.20.4" });
  const newer = Sandbox.fromSnapshot(NODEJS_SNAPSHOT, undefined, { enterpriseVersion: "3.21.0" });
  expect(await get("/repos/nodejs/node", "2026-03-10", older)).toMatchObject({
    status: 400,
    body: { message: 'The version you specified in the "X-GitHub-API-Version" request header, "2026-03-10", is not a supported version. The following versions are currently supported: "2022-11-28" (most recent).' },
  });
  expect(await get("/repos/nodejs/node", "2022-11-28", older)).toMatchObject({ status: 200, selected: "2022-11-28" });
  expect(await get("/repos/nodejs/node", "2026-03-10", newer)).toMatchObject({ status: 200, selected: "2026-03-10" });
});

describe("2026-03-10's breaking changes, on the routes the app meets", () => {
  test("issues and pull requests lose the singular assignee; an unmerged pull request's issue has no merged_at", async () => {
    const before = (await get("/repos/nodejs/security-wg/issues/1294", "2022-11-28")).body;
    const after = (await get("/repos/nodejs/security-wg/issues/1294", "2026-03-10")).body;
    expect([before["assignee"], before["pull_request"]]).toEqual([null, expect.objectContaining({ merged_at: null })]);
    expect("assignee" in after).toBe(false);
    expect(after["assignees"]).toEqual([]);
    expect(after["pull_request"]).toEqual({
      url: "https://api.github.com/repos/nodejs/security-wg/pulls/1294",
      html_url: "https://github.com/nodejs/security-wg/pull/1294",
      diff_url: "https://github.com/nodejs/security-wg/pull/1294.diff",
      patch_url: "https://github.com/nodejs/security-wg/pull/1294.patch",
    });
  });

  test("pull requests lose merge_commit_sha, and their repositories has_downloads", async () => {
    const [before] = (await get("/repos/nodejs/security-wg/pulls?state=all", "2022-11-28")).body as unknown as Record<string, unknown>[];
    const [after] = (await get("/repos/nodejs/security-wg/pulls?state=all", "2026-03-10")).body as unknown as Record<string, unknown>[];
    expect(Object.keys(before ?? {})).toEqual(expect.arrayContaining(["merge_commit_sha", "assignee", "merged_at"]));
    expect(Object.keys(after ?? {}).filter((key) => key === "assignee" || key === "merge_commit_sha")).toEqual([]);
    expect(after?.["merged_at"]).toBeNull();
    expect("has_downloads" in ((after?.["head"] as { repo: object }).repo)).toBe(false);
  });

  test("repositories lose has_downloads and use_squash_pr_title_as_default; search items lose assignee", async () => {
    expect((await get("/repos/nodejs/node", "2022-11-28")).body["has_downloads"]).toBe(true);
    const repo = (await get("/repos/nodejs/node", "2026-03-10")).body;
    expect(["has_downloads", "use_squash_pr_title_as_default", "master_branch"].filter((key) => key in repo)).toEqual([]);
    const search = (await get("/search/issues?q=label%3Atsc-agenda", "2026-03-10")).body as { items: Record<string, unknown>[] };
    expect(search.items.length).toBeGreaterThan(0);
    expect(search.items.filter((item) => "assignee" in item)).toEqual([]);
  });

  test("2026-03-10's description refuses an answer that still carries a removed field", () => {
    const answer = { ...{ full_name: "nodejs/node" }, has_downloads: true };
    expect(checkResponse("GET /repos/{owner}/{repo}", 200, answer, "2026-03-10")).toMatch(/\/has_downloads boolean schema is false/);
    expect(checkResponse("GET /repos/{owner}/{repo}", 200, answer, "2022-11-28")).not.toMatch(/has_downloads/);
  });
});

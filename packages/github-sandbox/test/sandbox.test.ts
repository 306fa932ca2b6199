import { Sandbox } from "../src/sandbox.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

const sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
const app = sandbox.octokit();

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await promise;
    return { status: 200, body: undefined };
  } catch (error) {
    const { status, response } = error as { status: number; response?: { data: unknown } };
    return { status, body: response?.data };
  }
}

describe("GET /repos/{owner}/{repo}", () => {
  test("returns the full repository with the caller's permissions", async () => {
    const { data } = await app.rest.repos.get({ owner: "nodejs", repo: "security-wg" });
    expect(data).toMatchObject({
      full_name: "nodejs/security-wg",
      private: false,
      visibility: "public",
      default_branch: "main",
      description: "Node.js Ecosystem Security Working Group",
      html_url: "https://github.com/nodejs/security-wg",
      owner: { login: "nodejs", type: "Organization" },
      organization: { login: "nodejs" },
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      open_issues_count: 3,
    });
  });

  test("answers names case-insensitively, as GitHub does", async () => {
    const { data } = await app.rest.repos.get({ owner: "NodeJS", repo: "Security-WG" });
    expect(data.full_name).toBe("nodejs/security-wg");
  });

  test.each([
    ["user:mhdawson", "security-private", { admin: true, maintain: true, push: true, triage: true, pull: true }],
    ["user:RafaelGSS", "security-wg", { admin: false, maintain: false, push: false, triage: true, pull: true }],
    ["user:UlisesGascon", "build-internal", { admin: false, maintain: false, push: false, triage: false, pull: true }],
    ["user:someone", "node", { admin: false, maintain: false, push: false, triage: false, pull: true }],
  ])("computes the permissions of %s on %s", async (token, repo, permissions) => {
    const { data } = await sandbox.octokit(token).rest.repos.get({ owner: "nodejs", repo });
    expect(data.permissions).toEqual(permissions);
  });

  test("hides private and internal repositories from those who cannot read them", async () => {
    const outsider = sandbox.octokit("user:someone");
    expect(await statusOf(outsider.rest.repos.get({ owner: "nodejs", repo: "security-private" }))).toEqual({
      status: 404,
      body: { message: "Not Found", documentation_url: "https://docs.github.com/rest/repos/repos#get-a-repository", status: "404" },
    });
    expect((await statusOf(outsider.rest.repos.get({ owner: "nodejs", repo: "build-internal" }))).status).toBe(404);
    expect((await statusOf(app.rest.repos.get({ owner: "nodejs", repo: "does-not-exist" }))).status).toBe(404);
  });

  test("an installation reads public repositories it is not installed on, and no private ones", async () => {
    const installation = sandbox.octokit("installation:4242");
    const { data } = await installation.rest.repos.get({ owner: "pkgjs", repo: "parseargs" });
    expect(data.permissions).toMatchObject({ pull: true, push: false });
  });
});

describe("GET /repos/{owner}/{repo}/contents/{path}", () => {
  test("returns a snapshot file as GitHub does, base64 in lines of 60", async () => {
    const { data } = await app.rest.repos.getContent({ owner: "nodejs", repo: "security-wg", path: ".github/agenda-drafter.yml" });
    if (Array.isArray(data) || data.type !== "file") throw new Error("expected a file");
    expect(Buffer.from(data.content, "base64").toString("utf8")).toBe(
      "meetings:\n  - id: security-wg\n    name: Node.js Security Team\n",
    );
    expect(data.content.split("\n")[0]).toHaveLength(60);
    expect(data).toMatchObject({
      encoding: "base64",
      name: "agenda-drafter.yml",
      path: ".github/agenda-drafter.yml",
      size: 62,
      html_url: "https://github.com/nodejs/security-wg/blob/main/.github/agenda-drafter.yml",
      download_url: "https://raw.githubusercontent.com/nodejs/security-wg/main/.github/agenda-drafter.yml",
    });
    // The blob sha is git's: `git hash-object` of the same text gives it.
    expect(data.sha).toBe("41c0a3b2fc5d7f3318345882f98f62788d39527f");
  });

  test("lists a folder", async () => {
    const { data } = await app.rest.repos.getContent({ owner: "nodejs", repo: "security-wg", path: "meetings" });
    expect(Array.isArray(data) ? data.map((entry) => [entry.type, entry.path]) : data).toEqual([["file", "meetings/2024-03-14.md"]]);
  });

  test("answers 404 for a missing file and for an unknown ref", async () => {
    expect(await statusOf(app.rest.repos.getContent({ owner: "nodejs", repo: "node", path: ".github/agenda-drafter.yml" }))).toEqual({
      status: 404,
      body: {
        message: "Not Found",
        documentation_url: "https://docs.github.com/rest/repos/contents#get-repository-content",
        status: "404",
      },
    });
    const unknownRef = await statusOf(
      app.rest.repos.getContent({ owner: "nodejs", repo: "security-wg", path: "README.md", ref: "v99" }),
    );
    expect(unknownRef).toMatchObject({ status: 404, body: { message: "No commit found for the ref v99" } });
  });

  test("reads at a branch, a full ref or a commit sha", async () => {
    const sha = sandbox.state.repos.get("nodejs/security-wg")?.refs.get("refs/heads/main") ?? "";
    for (const ref of ["main", "refs/heads/main", sha]) {
      const { data } = await app.rest.repos.getContent({ owner: "nodejs", repo: "security-wg", path: "README.md", ref });
      expect(Array.isArray(data) ? undefined : data.name).toBe("README.md");
    }
  });
});

describe("authentication and transport", () => {
  test("refuses requests without a token or with an unknown one", async () => {
    const anonymous = await sandbox.handle(new Request("http://sandbox.invalid/api/v3/repos/nodejs/node"));
    expect([anonymous.status, await anonymous.json()]).toEqual([
      401,
      { message: "Requires authentication", documentation_url: "https://docs.github.com/rest", status: "401" },
    ]);
    const forged = await sandbox.octokit("ghp_forged").rest.repos.get({ owner: "nodejs", repo: "node" }).catch((error: { status: number }) => error.status);
    expect(forged).toBe(401);
  });

  test("serves paths with and without the GitHub Enterprise prefix, and 404 for unknown routes", async () => {
    const headers = { authorization: "token user:mhdawson" };
    const plain = await sandbox.handle(new Request("http://localhost/repos/nodejs/node", { headers }));
    const enterprise = await sandbox.handle(new Request("http://localhost/api/v3/repos/nodejs/node", { headers }));
    const unknown = await sandbox.handle(new Request("http://localhost/api/v3/repos/nodejs/node/teleport", { headers }));
    expect([plain.status, enterprise.status, unknown.status]).toEqual([200, 200, 404]);
  });

  test("sends GitHub's rate-limit headers, counted per caller and resource", async () => {
    const fresh = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
    const octokit = fresh.octokit("user:mhdawson");
    await octokit.rest.repos.get({ owner: "nodejs", repo: "node" });
    const { headers } = await octokit.rest.repos.get({ owner: "nodejs", repo: "node" });
    const search = await octokit.rest.search.issuesAndPullRequests({ q: "repo:nodejs/node" });
    expect([headers, search.headers]).toMatchObject([
      { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4998", "x-ratelimit-used": "2", "x-ratelimit-resource": "core", "x-ratelimit-reset": "1711371600" },
      { "x-ratelimit-limit": "30", "x-ratelimit-remaining": "29", "x-ratelimit-used": "1", "x-ratelimit-resource": "search" },
    ]);
  });

  test("the clock starts at the snapshot's now and moves only when told", () => {
    const fresh = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
    expect(fresh.clock.now().toISOString()).toBe("2024-03-25T12:00:00.000Z");
    fresh.clock.advance(90_000);
    expect(fresh.clock.now().toISOString()).toBe("2024-03-25T12:01:30.000Z");
    fresh.clock.set(new Date("2024-03-28T15:00:00Z"));
    expect(fresh.clock.now().toISOString()).toBe("2024-03-28T15:00:00.000Z");
  });
});

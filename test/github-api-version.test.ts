import { Sandbox } from "@agenda-drafter/github-sandbox";
import { ProbotOctokit } from "probot";
import { apiVersionFor, pinApiVersion, type GitHub } from "../src/github.js";

// The app asks each GitHub for the newest REST API version it serves: 2026-03-10 on github.com and
// on GitHub Enterprise Server from 3.21, 2022-11-28 on older GHES releases, whose 400 for the
// newer version costs one request once, never a failure.

const SNAPSHOT = `
now: 2024-03-25T12:00:00Z
orgs:
  acme:
    repos:
      meetings:
        issues:
          - { number: 1, title: "A pull request", pull_request: true }
`;

interface Sent {
  version: string | null;
  status: number;
}

/** A pinned client of a sandbox at its own base URL (each GitHub's version is remembered by it), and what it sent. */
function clientOf(enterpriseVersion: string | undefined, host: string) {
  const sandbox = Sandbox.fromSnapshot(SNAPSHOT, undefined, enterpriseVersion ? { enterpriseVersion } : {});
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await sandbox.fetch(request);
    sent.push({ version: request.headers.get("x-github-api-version"), status: response.status });
    return response;
  };
  const baseUrl = `http://${host}/api/v3`;
  const octokit = new ProbotOctokit({ auth: { token: "installation" }, baseUrl, request: { fetch }, retry: { enabled: false }, throttle: { enabled: false } });
  return { octokit: pinApiVersion(octokit as unknown as GitHub), sent, baseUrl };
}

test("github.com and GitHub Enterprise Server 3.21 are asked for 2026-03-10 from the first request", async () => {
  for (const [release, host] of [[undefined, "github-com.invalid"], ["3.21.1", "ghes-321.invalid"]] as const) {
    const { octokit, sent } = clientOf(release, host);
    const { data: pull } = await octokit.rest.issues.get({ owner: "acme", repo: "meetings", issue_number: 1 });
    await octokit.rest.pulls.list({ owner: "acme", repo: "meetings", state: "all" });
    expect(sent).toEqual([
      { version: "2026-03-10", status: 200 },
      { version: "2026-03-10", status: 200 },
    ]);
    // 2026-03-10's shape: no singular assignee, and an unmerged pull request's issue has no merged_at.
    expect(["assignee" in pull, pull.pull_request && "merged_at" in pull.pull_request]).toEqual([false, false]);
  }
});

test("an older GitHub Enterprise Server refuses 2026-03-10 once: that request goes again with 2022-11-28, and the rest with it", async () => {
  const { octokit, sent, baseUrl } = clientOf("3.20.3", "ghes-320.invalid");
  const { data: issue } = await octokit.rest.issues.get({ owner: "acme", repo: "meetings", issue_number: 1 });
  await octokit.rest.issues.createComment({ owner: "acme", repo: "meetings", issue_number: 1, body: "Hello" });
  expect(sent).toEqual([
    { version: "2026-03-10", status: 400 },
    { version: "2022-11-28", status: 200 },
    { version: "2022-11-28", status: 201 },
  ]);
  expect(issue.number).toBe(1);
  expect(apiVersionFor(baseUrl)).toBe("2022-11-28");
});

test("another 400 is the caller's to see, not sent again", async () => {
  const { octokit, sent } = clientOf(undefined, "github-com-400.invalid");
  await expect(octokit.request("POST /repos/acme/meetings/issues", { data: "{not json" } as never)).rejects.toMatchObject({ status: 400 });
  expect(sent).toEqual([{ version: "2026-03-10", status: 400 }]);
});

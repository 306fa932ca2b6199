// GitHub's budget is 5,000 calls an hour per installation. Discovery reads every repository's
// config file 100 repositories a GraphQL query, so that a cron `agenda-drafter run` or a start-up
// on an org of many repositories costs about one call per 100 of them; the counts come from the
// sandbox, which sees every request.
import { stringify } from "yaml";
import type { ApiRequest } from "@agenda-drafter/github-sandbox";
import { createMemoryRegistry } from "../../src/registry/meeting-registry.js";
import { discoverInstallation } from "../../src/registry/redis-registry.js";
import type { GitHub } from "../../src/github.js";
import { startE2E, type E2E } from "./harness.js";
import { startDrafter } from "./drafter-app.js";
import { meetingIssue } from "./live-issue-app.js";

let e2e: E2E | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

const REPOS = 250;
const INSTALLATION = 4100;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function meetingFile(id: string, extra = ""): string {
  return `${extra}meetings:\n  ${id}:\n    name: ${id}\n    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }\n`;
}

/** An org of 250 repositories: two home repos (one taking its defaults from `.github`), an archived one with a config, and the rest without. */
function orgSnapshot(repositories: "all" | string[]): string {
  const repos: Record<string, unknown> = {};
  for (let index = 0; index < REPOS - 4; index++) repos[`repo-${String(index).padStart(3, "0")}`] = { files: { "README.md": "# repo\n" } };
  repos[".github"] = { files: { ".github/agenda-drafter.yml": "defaults:\n  lead_time: 2d\n" } };
  repos["tsc"] = { files: { ".github/agenda-drafter.yml": meetingFile("tsc") } };
  repos["build"] = { files: { ".github/agenda-drafter.yml": meetingFile("build-wg", "_extends: .github\n") } };
  repos["old-wg"] = { archived: true, files: { ".github/agenda-drafter.yml": meetingFile("old-wg") } };
  return stringify({ now: "2024-03-26T09:00:00Z", orgs: { acme: { owners: ["maria"], repos } }, installations: [{ id: INSTALLATION, account: "acme", repositories }] });
}

async function discover(snapshot: string) {
  e2e = await startE2E({ snapshot, app: () => {} });
  const requests: ApiRequest[] = [];
  e2e.onApiRequest((request) => void (request.caller === "installation" && requests.push(request)));
  const octokit = (await e2e.probot.auth(INSTALLATION)) as GitHub;
  const discovered = await discoverInstallation(octokit, INSTALLATION, createMemoryRegistry(), quiet);
  return { discovered, requests };
}

test("an installation on all of an org's 250 repositories is discovered in one REST page and one GraphQL query per 100 repositories", async () => {
  const { discovered, requests } = await discover(orgSnapshot("all"));
  expect(discovered.meetings.map((meeting) => [`${meeting.home.owner}/${meeting.home.repo}`, meeting.id, meeting.leadTimeMs / 3_600_000])).toEqual([
    ["acme/build", "build-wg", 48],
    ["acme/tsc", "tsc", 72],
  ]);
  expect(requests.map((request) => `${request.method} ${request.path.replace(/\?.*/, "")}`)).toEqual([
    "GET /installation/repositories",
    "POST /graphql",
    "POST /graphql",
    "POST /graphql",
  ]);
  expect(requests.length).toBeLessThanOrEqual(Math.ceil(REPOS / 100) + 2);
});

test("an installation on selected repositories lists them through REST, then reads their files 100 a GraphQL query", async () => {
  const selected = ["tsc", "build", ".github", "old-wg", ...Array.from({ length: 146 }, (_, index) => `repo-${String(index).padStart(3, "0")}`)];
  const { discovered, requests } = await discover(orgSnapshot(selected));
  expect(discovered.meetings.map((meeting) => meeting.id).sort()).toEqual(["build-wg", "tsc"]);
  expect(requests.map((request) => `${request.method} ${request.path.replace(/\?.*/, "")}`)).toEqual([
    "GET /installation/repositories",
    "GET /installation/repositories",
    "POST /graphql",
    "POST /graphql",
  ]);
});

test("/agenda add on an issue with no proposal reads the meeting issue only for the refresh; with one, once more to decide it", async () => {
  const stage = await startDrafter();
  e2e = stage.e2e;
  const number = meetingIssue(stage.e2e).number;
  const requests: ApiRequest[] = [];
  stage.e2e.onApiRequest((request) => void (request.caller === "installation" && requests.push(request)));
  const issueReads = () => requests.filter((request) => request.method === "GET" && request.path.replace(/\?.*/, "") === `/repos/nodejs/security-wg/issues/${number}`).length;
  const add = async (login: string, body: string) => {
    requests.length = 0;
    await stage.e2e.as(login).rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: number, body });
    await stage.e2e.settle();
    return issueReads();
  };
  const plain = await add("RafaelGSS", "/agenda add nodejs/node#52575");
  await add("mhdawson", "/agenda propose nodejs/undici#3054");
  const proposed = await add("RafaelGSS", "/agenda add nodejs/undici#3054");
  // Reading the proposals anew, and the state write that decides the proposal.
  expect(proposed - plain).toBe(2);
});

import nock from "nock";
import { ProbotOctokit } from "probot";
import type { GitHub } from "../../../src/github.js";
import { gitBlobSha } from "../../../src/publish/minutes/git-blob-sha.js";
import { openMinutesPullRequest, type MinutesRequest } from "../../../src/publish/minutes/open-minutes-pull-request.js";
import { march28, securityWgMeeting } from "../../fixtures/security-wg-meeting.js";

const API = "https://api.github.com";
const REPO = "/repos/nodejs/security-wg";
const BRANCH = "agenda-drafter/security-wg/2024-03-28";
const MAIN_HEAD = "5c1f0e4b0a9d6a8f3e2b7c6d5e4f3a2b1c0d9e8f";
const MAIN_TREE = "9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b";
const APP_COMMIT = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";
const PERSON_COMMIT = "beefbeefbeefbeefbeefbeefbeefbeefbeefbeef";
const ISSUE_URL = "https://github.com/nodejs/security-wg/issues/1234";
const MINUTES = `# Node.js Security team Meeting 2024-03-28

## Agenda

### nodejs/node

* lib: remove experimental policy [#52583](https://github.com/nodejs/node/pull/52583)

## Present

* 
`;

function octokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
}

function request(overrides: Partial<MinutesRequest> = {}): MinutesRequest {
  return {
    meeting: securityWgMeeting(),
    occurrence: march28,
    content: MINUTES,
    path: "meetings/2024-03-28.md",
    issueUrl: ISSUE_URL,
    ...overrides,
  };
}

const quiet = { log: { info: () => undefined } };

function pull(number: number, state: "open" | "closed", mergedAt: string | null = null) {
  return {
    number,
    state,
    merged_at: mergedAt,
    html_url: `https://github.com/nodejs/security-wg/pull/${number}`,
    head: { ref: BRANCH },
  };
}

function api() {
  return nock(API);
}

function listPulls(scope: nock.Scope, pulls: unknown[]) {
  return scope
    .get(`${REPO}/pulls`)
    .query({ head: `nodejs:${BRANCH}`, state: "all", per_page: "100" })
    .reply(200, pulls);
}

function repository(scope: nock.Scope) {
  return scope
    .get(REPO)
    .reply(200, { name: "security-wg", full_name: "nodejs/security-wg", default_branch: "main", html_url: "https://github.com/nodejs/security-wg" });
}

function ref(scope: nock.Scope, name: string, sha: string | undefined) {
  const path = `${REPO}/git/ref/${encodeURIComponent(name)}`;
  return sha === undefined
    ? scope.get(path).reply(404, { message: "Not Found" })
    : scope.get(path).reply(200, { ref: `refs/${name}`, object: { sha, type: "commit" } });
}

function content(scope: nock.Scope, ref: string, sha: string | undefined) {
  const call = scope.get(`${REPO}/contents/meetings%2F2024-03-28.md`).query({ ref });
  return sha === undefined
    ? call.reply(404, { message: "Not Found" })
    : call.reply(200, { type: "file", path: "meetings/2024-03-28.md", sha, encoding: "base64", content: "" });
}

function commit(scope: nock.Scope, sha: string, message: string, tree = MAIN_TREE) {
  return scope.get(`${REPO}/git/commits/${sha}`).reply(200, { sha, message, tree: { sha: tree } });
}

/** Records the bodies of what the app writes, to snapshot them. */
function writes(scope: nock.Scope, written: Record<string, unknown>, next: { tree?: string; commit?: string } = {}) {
  return scope
    .post(`${REPO}/git/trees`, (body) => ((written.tree = body), true))
    .reply(201, { sha: next.tree ?? "7ee57ee57ee57ee57ee57ee57ee57ee57ee57ee5" })
    .post(`${REPO}/git/commits`, (body) => ((written.commit = body), true))
    .reply(201, { sha: next.commit ?? APP_COMMIT });
}

const appMessage = (blob: string) =>
  `Minutes: Node.js Security team 2024-03-28\n\nAgenda-Drafter-Minutes: security-wg 2024-03-28 ${blob}\n`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("openMinutesPullRequest", () => {
  test("creates the branch from the default branch's head, commits the skeleton and opens the pull request", async () => {
    const written: Record<string, unknown> = {};
    const scope = api();
    listPulls(scope, []);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, undefined);
    content(scope, "main", undefined);
    ref(scope, "heads/main", MAIN_HEAD);
    commit(scope, MAIN_HEAD, "Merge pull request #1300");
    writes(scope, written);
    scope
      .post(`${REPO}/git/refs`, (body) => ((written.ref = body), true))
      .reply(201, { ref: `refs/heads/${BRANCH}`, object: { sha: APP_COMMIT } })
      .post(`${REPO}/pulls`, (body) => ((written.pull = body), true))
      .reply(201, pull(1301, "open"));

    const outcome = await openMinutesPullRequest(octokit(), request(), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toEqual({
      kind: "opened",
      pullRequest: { number: 1301, url: "https://github.com/nodejs/security-wg/pull/1301" },
      file: "written",
    });
    expect(written).toMatchInlineSnapshot(`
{
  "commit": {
    "message": "Minutes: Node.js Security team 2024-03-28

Agenda-Drafter-Minutes: security-wg 2024-03-28 6b7482cdfaf76786e90020834029f14091530873
",
    "parents": [
      "5c1f0e4b0a9d6a8f3e2b7c6d5e4f3a2b1c0d9e8f",
    ],
    "tree": "7ee57ee57ee57ee57ee57ee57ee57ee57ee57ee5",
  },
  "pull": {
    "base": "main",
    "body": "Minutes of the Node.js Security team meeting of 2024-03-28, drafted from its agenda as it stood when the meeting started.

Meeting issue: https://github.com/nodejs/security-wg/issues/1234

Fill in \`meetings/2024-03-28.md\` on this branch, then merge. agenda-drafter rewrites the file only while the branch's last commit is its own; once someone pushes to the branch, it leaves the branch alone.
",
    "head": "agenda-drafter/security-wg/2024-03-28",
    "title": "Minutes: Node.js Security team 2024-03-28",
  },
  "ref": {
    "ref": "refs/heads/agenda-drafter/security-wg/2024-03-28",
    "sha": "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00",
  },
  "tree": {
    "base_tree": "9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b",
    "tree": [
      {
        "content": "# Node.js Security team Meeting 2024-03-28

## Agenda

### nodejs/node

* lib: remove experimental policy [#52583](https://github.com/nodejs/node/pull/52583)

## Present

* 
",
        "mode": "100644",
        "path": "meetings/2024-03-28.md",
        "type": "blob",
      },
    ],
  },
}
`);
  });

  test("a second run finds the open pull request and the app's unchanged commit, and writes nothing", async () => {
    const scope = api();
    listPulls(scope, [pull(1301, "open")]);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, APP_COMMIT);
    commit(scope, APP_COMMIT, appMessage(gitBlobSha(MINUTES)));
    content(scope, BRANCH, gitBlobSha(MINUTES));

    const outcome = await openMinutesPullRequest(octokit(), request(), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toEqual({
      kind: "open",
      pullRequest: { number: 1301, url: "https://github.com/nodejs/security-wg/pull/1301" },
      file: "unchanged",
    });
  });

  test("a run that stopped between the branch and the pull request is completed", async () => {
    const written: Record<string, unknown> = {};
    const scope = api();
    listPulls(scope, []);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, APP_COMMIT);
    commit(scope, APP_COMMIT, appMessage(gitBlobSha(MINUTES)));
    content(scope, BRANCH, gitBlobSha(MINUTES));
    scope
      .post(`${REPO}/pulls`, (body) => ((written.pull = body), true))
      .reply(201, pull(1301, "open"));

    const outcome = await openMinutesPullRequest(octokit(), request(), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toMatchObject({ kind: "opened", file: "unchanged" });
    expect(written.pull).toMatchObject({ head: BRANCH, base: "main" });
  });

  test.each([
    ["merged", "2024-03-29T09:12:44Z", true],
    ["closed", null, false],
  ])("a %s minutes pull request is never opened again and its branch is not touched", async (_state, mergedAt, merged) => {
    const scope = api();
    listPulls(scope, [pull(1301, "closed", mergedAt)]);

    const outcome = await openMinutesPullRequest(octokit(), request(), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toEqual({
      kind: "closed",
      pullRequest: { number: 1301, url: "https://github.com/nodejs/security-wg/pull/1301" },
      merged,
    });
  });

  test("rewrites the file while the branch head is the app's commit and the file is what it wrote", async () => {
    const written: Record<string, unknown> = {};
    const live = MINUTES.replace("* lib: remove experimental policy", "* lib: keep experimental policy");
    const scope = api();
    listPulls(scope, [pull(1301, "open")]);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, APP_COMMIT);
    commit(scope, APP_COMMIT, appMessage(gitBlobSha(live)));
    content(scope, BRANCH, gitBlobSha(live));
    commit(scope, APP_COMMIT, appMessage(gitBlobSha(live)), "1111111111111111111111111111111111111111");
    writes(scope, written, { commit: "2222222222222222222222222222222222222222" });
    scope
      .patch(`${REPO}/git/refs/heads%2Fagenda-drafter%2Fsecurity-wg%2F2024-03-28`, (body) => ((written.ref = body), true))
      .reply(200, { object: { sha: "2222222222222222222222222222222222222222" } });

    const outcome = await openMinutesPullRequest(octokit(), request(), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toMatchObject({ kind: "open", file: "rewritten" });
    expect(written.commit).toMatchObject({ parents: [APP_COMMIT], tree: "7ee57ee57ee57ee57ee57ee57ee57ee57ee57ee5" });
    expect(written.ref).toEqual({ sha: "2222222222222222222222222222222222222222", force: false });
  });

  test("leaves the branch alone once a person pushed to it", async () => {
    const scope = api();
    listPulls(scope, [pull(1301, "open")]);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, PERSON_COMMIT);
    commit(scope, PERSON_COMMIT, "Add attendees and notes");
    content(scope, BRANCH, "3333333333333333333333333333333333333333");

    const outcome = await openMinutesPullRequest(octokit(), request(), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toMatchObject({ kind: "open", file: "person-pushed" });
  });

  test("an amend that kept the app's message but changed the file counts as a person's push", async () => {
    const scope = api();
    listPulls(scope, [pull(1301, "open")]);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, PERSON_COMMIT);
    commit(scope, PERSON_COMMIT, appMessage(gitBlobSha(MINUTES)));
    content(scope, BRANCH, "3333333333333333333333333333333333333333");

    const outcome = await openMinutesPullRequest(octokit(), request({ content: `${MINUTES}\nMore\n` }), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toMatchObject({ kind: "open", file: "person-pushed" });
  });

  test("does not overwrite minutes already on the default branch", async () => {
    const scope = api();
    listPulls(scope, []);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, undefined);
    content(scope, "main", "4444444444444444444444444444444444444444");

    const outcome = await openMinutesPullRequest(octokit(), request(), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toEqual({
      kind: "file-exists",
      path: "meetings/2024-03-28.md",
      url: "https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-28.md",
    });
  });

  test("a dry run reads but writes nothing", async () => {
    const scope = api();
    listPulls(scope, []);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, undefined);
    content(scope, "main", undefined);

    const outcome = await openMinutesPullRequest(octokit(), request({ meeting: securityWgMeeting({ dryRun: true }) }), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toEqual({ kind: "dry-run" });
  });

  test("when another replica opened the pull request first, takes up theirs", async () => {
    const scope = api();
    listPulls(scope, []);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, APP_COMMIT);
    commit(scope, APP_COMMIT, appMessage(gitBlobSha(MINUTES)));
    content(scope, BRANCH, gitBlobSha(MINUTES));
    scope.post(`${REPO}/pulls`).reply(422, {
      message: "Validation Failed",
      errors: [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for nodejs:${BRANCH}.` }],
    });
    listPulls(scope, [pull(1302, "open")]);

    const outcome = await openMinutesPullRequest(octokit(), request(), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    expect(outcome).toMatchObject({ kind: "open", pullRequest: { number: 1302 }, file: "unchanged" });
  });

  test("nothing from the meeting's name reaches the title, body or commit message as a mention or reference", async () => {
    const written: Record<string, unknown> = {};
    const meeting = securityWgMeeting({ name: "Fixes #1 @nodejs/tsc\nCloses https://github.com/nodejs/node/issues/2 GH-3" });
    const scope = api();
    listPulls(scope, []);
    repository(scope);
    ref(scope, `heads/${BRANCH}`, undefined);
    content(scope, "main", undefined);
    ref(scope, "heads/main", MAIN_HEAD);
    commit(scope, MAIN_HEAD, "Merge pull request #1300");
    writes(scope, written);
    scope.post(`${REPO}/git/refs`).reply(201, {}).post(`${REPO}/pulls`, (body) => ((written.pull = body), true)).reply(201, pull(1301, "open"));

    await openMinutesPullRequest(octokit(), request({ meeting }), quiet);

    expect(scope.pendingMocks()).toEqual([]);
    const texts = [(written.pull as { title: string }).title, (written.pull as { body: string }).body, (written.commit as { message: string }).message];
    for (const text of texts) {
      expect(text).not.toMatch(/@[a-z]|#\d|GH-\d|https:\/\/github\.com\/nodejs\/node/i);
    }
    // Zero-width spaces shown as "|".
    expect((written.pull as { title: string }).title.replace(/\u200B/g, "|")).toMatchInlineSnapshot(`"Minutes: Fixes #|1 @|nodejs/tsc Closes https:|//github.com/nodejs/node/issues/2 GH-|3 2024-03-28"`);
  });
});

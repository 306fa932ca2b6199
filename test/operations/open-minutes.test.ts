import nock from "nock";
import { openMinutes } from "../../src/operations/open-minutes.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { API, TestOctokit } from "../app/harness.js";
import { FROZEN, ISSUE_NUMBER, meetingIssue, meetingIssueBody, quietLog, stateOf } from "../app/meeting-issue-fixture.js";
import { withTestSigner } from "../fixtures/state-signer.js";
import { visibleText } from "../fixtures/visible-text.js";

const REPO = "/repos/nodejs/security-wg";
const BRANCH = "agenda-drafter/security-wg/2024-03-28";
const MAIN_HEAD = "5c1f0e4b0a9d6a8f3e2b7c6d5e4f3a2b1c0d9e8f";
const PULL_URL = "https://github.com/nodejs/security-wg/pull/1265";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const octokit = () => withTestSigner(new TestOctokit({ auth: "ghs_test" })) as never;

function readIssue(scope: nock.Scope, body: string, times = 1) {
  return scope.get(`${REPO}/issues/${ISSUE_NUMBER}`).times(times).reply(200, meetingIssue(body));
}
/** The issue, then the home repo's visibility, which the frozen agenda is shown through. */
function readFrozen(scope: nock.Scope, body: string, times = 1) {
  readIssue(scope, body, times);
  return scope.get(REPO).reply(200, { private: false });
}
function noMinutesYet(scope: nock.Scope) {
  return scope
    .get(`${REPO}/pulls`)
    .query({ head: `nodejs:${BRANCH}`, state: "all", per_page: "100" })
    .reply(200, [])
    .get(REPO)
    .reply(200, { default_branch: "main", html_url: "https://github.com/nodejs/security-wg", private: false })
    .get(`${REPO}/git/ref/${encodeURIComponent(`heads/${BRANCH}`)}`)
    .reply(404, { message: "Not Found" });
}

test("opens the pull request from the frozen agenda with the attendees, records it in the issue's state and links it from the issue", async () => {
  const body = meetingIssueBody({ frozen: FROZEN, attendees: [{ login: "RafaelGSS", name: "Rafael Gonzaga" }] });
  const written: { tree?: { tree: { content: string }[] }; pull?: { title: string; body: string }; issue?: string } = {};
  const scope = nock(API);
  readFrozen(scope, body);
  noMinutesYet(scope)
    .get(`${REPO}/contents/meetings%2F2024-03-28.md`)
    .query({ ref: "main" })
    .reply(404, { message: "Not Found" })
    .get(`${REPO}/git/ref/heads%2Fmain`)
    .reply(200, { ref: "refs/heads/main", object: { sha: MAIN_HEAD, type: "commit" } })
    .get(`${REPO}/git/commits/${MAIN_HEAD}`)
    .reply(200, { sha: MAIN_HEAD, message: "Merge pull request #1300", tree: { sha: "9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b" } })
    .post(`${REPO}/git/trees`, (sent) => ((written.tree = sent), true))
    .reply(201, { sha: "7ee57ee57ee57ee57ee57ee57ee57ee57ee57ee5" })
    .post(`${REPO}/git/commits`)
    .reply(201, { sha: "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00" })
    .post(`${REPO}/git/refs`, { ref: `refs/heads/${BRANCH}`, sha: "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00" })
    .reply(201, {})
    .post(`${REPO}/pulls`, (sent) => ((written.pull = sent), true))
    .reply(201, { number: 1265, html_url: PULL_URL });
  readIssue(scope, body);
  scope.patch(`${REPO}/issues/${ISSUE_NUMBER}`, (sent) => ((written.issue = sent.body), true)).reply(200, {});

  const outcome = await openMinutes(octokit(), securityWgMeeting(), ISSUE_NUMBER, march28, quietLog);

  expect(outcome).toEqual({ kind: "opened", pullRequest: { number: 1265, url: PULL_URL }, file: "written" });
  expect(scope.pendingMocks()).toEqual([]);
  const minutes = written.tree?.tree[0]?.content ?? "";
  expect(minutes).toContain("* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)");
  expect(minutes).toContain("* Rafael Gonzaga (@\u200BRafaelGSS)");
  expect(written.pull?.body).toContain("https://github.com/nodejs/security-wg/issues/1260");
  expect(stateOf(written.issue ?? "")?.minutes).toEqual({ number: 1265, url: PULL_URL, state: "open", frozenAgenda: true });
  expect(written.issue).toContain(PULL_URL);
  expect(parseBody(written.issue ?? "").agenda).toBe(parseBody(body).agenda);
});

test("a merged pull request is recorded as closed and not opened again", async () => {
  const body = meetingIssueBody({ frozen: FROZEN, minutes: { number: 1265, url: PULL_URL, state: "open", frozenAgenda: true } });
  let written = "";
  const scope = nock(API);
  readFrozen(scope, body);
  scope
    .get(`${REPO}/pulls`)
    .query(true)
    .reply(200, [{ number: 1265, state: "closed", merged_at: "2024-03-29T09:00:00Z", html_url: PULL_URL, head: { ref: BRANCH } }]);
  readIssue(scope, body);
  scope.patch(`${REPO}/issues/${ISSUE_NUMBER}`, (sent) => ((written = sent.body), true)).reply(200, {});

  const outcome = await openMinutes(octokit(), securityWgMeeting(), ISSUE_NUMBER, march28, quietLog);

  expect(outcome).toEqual({ kind: "closed", pullRequest: { number: 1265, url: PULL_URL }, merged: true });
  expect(stateOf(written)?.minutes).toEqual({ number: 1265, url: PULL_URL, state: "closed", frozenAgenda: true });
  expect(scope.pendingMocks()).toEqual([]);
});

test("a minutes file already on the default branch is reported on the issue once, and never overwritten", async () => {
  const comments: string[] = [];
  let written = "";
  const scope = nock(API);
  const body = meetingIssueBody({ frozen: FROZEN });
  readFrozen(scope, body);
  noMinutesYet(scope)
    .get(`${REPO}/contents/meetings%2F2024-03-28.md`)
    .query({ ref: "main" })
    .reply(200, { type: "file", path: "meetings/2024-03-28.md", sha: "0a1b2c", encoding: "base64", content: "" });
  readIssue(scope, body);
  scope
    .patch(`${REPO}/issues/${ISSUE_NUMBER}`, (sent) => ((written = sent.body), true))
    .reply(200, {})
    .post(`${REPO}/issues/${ISSUE_NUMBER}/comments`, (sent) => (comments.push(visibleText(sent.body)), true))
    .reply(201, {});

  const outcome = await openMinutes(octokit(), securityWgMeeting(), ISSUE_NUMBER, march28, quietLog);

  const url = "https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-28.md";
  expect(outcome).toEqual({ kind: "file-exists", path: "meetings/2024-03-28.md", url });
  expect(stateOf(written)?.minutesBlocked).toEqual({ path: "meetings/2024-03-28.md", url });
  expect(comments).toMatchInlineSnapshot(`
[
  "The minutes of this meeting were not opened as a pull request: \`meetings/2024-03-28.md\` already exists on the default branch (<https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-28.md>), and agenda-drafter never overwrites it. Remove it or change \`minutes.path\` in the meeting's config, then comment \`/minutes\`.",
]
`);
  expect(scope.pendingMocks()).toEqual([]);

  // The next tick finds the file still there: the issue says so already.
  const reported = meetingIssueBody({ frozen: FROZEN, minutesBlocked: { path: "meetings/2024-03-28.md", url } });
  const again = nock(API);
  readFrozen(again, reported, 2);
  noMinutesYet(again)
    .get(`${REPO}/contents/meetings%2F2024-03-28.md`)
    .query({ ref: "main" })
    .reply(200, { type: "file", path: "meetings/2024-03-28.md", sha: "0a1b2c", encoding: "base64", content: "" });
  await openMinutes(octokit(), securityWgMeeting(), ISSUE_NUMBER, march28, quietLog);
  expect(again.pendingMocks()).toEqual([]);
});

test("a dry run reads and writes nothing", async () => {
  const scope = nock(API);
  readFrozen(scope, meetingIssueBody({ frozen: FROZEN }));
  noMinutesYet(scope).get(`${REPO}/contents/meetings%2F2024-03-28.md`).query(true).reply(404, { message: "Not Found" });

  const outcome = await openMinutes(octokit(), securityWgMeeting({ dryRun: true }), ISSUE_NUMBER, march28, quietLog);

  expect(outcome).toEqual({ kind: "dry-run" });
  expect(scope.pendingMocks()).toEqual([]);
});

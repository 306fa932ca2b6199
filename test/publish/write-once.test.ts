// Writes GitHub does not make idempotent (POSTs) take effect once: a POST that answered 502 or
// failed on the network may have taken effect, so the retry plugin must not send it again blindly;
// the app looks for its effect and sends it again only when there is none. The clients here retry
// as Probot's do (without the waiting), so a blind re-send would hit nock unmatched.
import nock from "nock";
import { ProbotOctokit } from "probot";
import type { GitHub } from "../../src/github.js";
import { commentOnIssue } from "../../src/publish/comment-replies.js";
import { closeWithComment } from "../../src/publish/issue-writes.js";
import { claimOccurrence, readClaim } from "../../src/publish/claim-occurrence.js";
import { withTestSigner } from "../fixtures/state-signer.js";
import { ISSUE_NUMBER, meetingIssue, meetingIssueBody } from "../app/meeting-issue-fixture.js";
import { openMinutesPullRequest } from "../../src/publish/minutes/open-minutes-pull-request.js";
import { publishOccurrence, type OccurrenceDraft } from "../../src/publish/publish-occurrence.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";

const API = "https://api.github.com";
const REPO = "/repos/nodejs/security-wg";
const CLAIM_REF = "agenda-drafter%2Fsecurity-wg%2F2024-03-28";
const HEAD = "7638417db6d59f3c431d3e1f261cc637155684cd";
const TREE = "691272480426f78a0138979dd3ce63b77f706feb";
const CLAIM = "c1a1m0000000000000000000000000000000c1a1";
const TARGET = { home: { owner: "nodejs", repo: "security-wg" }, meetingId: "security-wg", occurrenceKey: "2024-03-28" };
const ISSUE = { owner: "nodejs", repo: "security-wg", number: 1264 };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function retryingOctokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
}

/** The comments the issue holds, as GitHub lists their latest page. */
function listComments(scope: nock.Scope, bodies: () => string[]) {
  return scope
    .get(`${REPO}/issues/1264`)
    .reply(200, () => ({ number: 1264, state: "open", comments: bodies().length }))
    .get(`${REPO}/issues/1264/comments`)
    .query({ per_page: "100", page: "1" })
    .reply(200, () => bodies().map((body, index) => ({ id: 900 + index, body })));
}

test("a reply whose POST answered 502 after it took effect is posted once", async () => {
  const posted: string[] = [];
  const scope = nock(API)
    .post(`${REPO}/issues/1264/comments`, (body: { body: string }) => posted.push(body.body) > 0)
    .reply(502, { message: "Bad Gateway" });
  listComments(scope, () => ["Thanks!", ...posted]);

  await commentOnIssue(retryingOctokit(), ISSUE, "Added nodejs/node#52575 to the agenda.");

  expect(scope.pendingMocks()).toEqual([]);
  expect(posted).toHaveLength(1);
  expect(posted[0]).toMatch(/^Added nodejs\/node#52575 to the agenda\.\n\n<!-- agenda-drafter:write [\w-]+ -->$/);
});

test("a reply whose POST failed before it took effect is posted once more, with the same hidden id", async () => {
  const posted: string[] = [];
  const scope = nock(API)
    .post(`${REPO}/issues/1264/comments`, (body: { body: string }) => posted.push(body.body) > 0)
    .reply(502, { message: "Bad Gateway" });
  listComments(scope, () => ["Thanks!"]);
  scope.post(`${REPO}/issues/1264/comments`, (body: { body: string }) => posted.push(body.body) > 0).reply(201, { id: 901 });

  await commentOnIssue(retryingOctokit(), ISSUE, "Added nodejs/node#52575 to the agenda.");

  expect(scope.pendingMocks()).toEqual([]);
  expect(posted).toHaveLength(2);
  expect(posted[1]).toBe(posted[0]);
});

test("closing with a comment whose POST was lost comments once and closes", async () => {
  const posted: string[] = [];
  const scope = nock(API)
    .post(`${REPO}/issues/1264/comments`, (body: { body: string }) => posted.push(body.body) > 0)
    .replyWithError({ code: "ECONNRESET", message: "socket hang up" });
  listComments(scope, () => posted);
  scope.patch(`${REPO}/issues/1264`, { state: "closed", state_reason: "not_planned" }).reply(200, {});
  // The claims of the issue's decided proposals go with it (this one has no signed state, so none).
  scope.get(`${REPO}/issues/1264`).reply(200, { number: 1264, body: "The meeting issue" });

  await closeWithComment(withTestSigner(retryingOctokit()), { owner: "nodejs", repo: "security-wg" }, 1264, "The meeting is cancelled.", "not_planned");

  expect(scope.pendingMocks()).toEqual([]);
  expect(posted).toHaveLength(1);
});

function mockClaim(scope: nock.Scope) {
  return scope
    .get(REPO)
    .reply(200, { default_branch: "main" })
    .get(`${REPO}/git/ref/heads%2Fmain`)
    .reply(200, { object: { sha: HEAD } })
    .get(`${REPO}/git/commits/${HEAD}`)
    .reply(200, { sha: HEAD, tree: { sha: TREE }, message: "Update README" })
    .post(`${REPO}/git/commits`)
    .reply(201, { sha: CLAIM });
}

test("a claim ref whose creation answered 502 after it took effect is this process's own claim", async () => {
  const scope = mockClaim(nock(API));
  scope
    .post(`${REPO}/git/refs`, { ref: "refs/agenda-drafter/security-wg/2024-03-28", sha: CLAIM })
    .reply(502, { message: "Bad Gateway" })
    .get(`${REPO}/git/ref/${CLAIM_REF}`)
    .reply(200, { object: { sha: CLAIM } });
  expect(await claimOccurrence(retryingOctokit(), TARGET)).toBe(CLAIM);
  expect(scope.pendingMocks()).toEqual([]);
});

test("a 422 on creating the claim ref is this process's own claim when the ref points at its commit", async () => {
  const scope = mockClaim(nock(API));
  scope
    .post(`${REPO}/git/refs`)
    .reply(422, { message: "Reference already exists" })
    .get(`${REPO}/git/ref/${CLAIM_REF}`)
    .reply(200, { object: { sha: CLAIM } });
  expect(await claimOccurrence(retryingOctokit(), TARGET)).toBe(CLAIM);
  expect(scope.pendingMocks()).toEqual([]);
});

function draft(): OccurrenceDraft {
  const meeting = securityWgMeeting();
  return {
    meeting,
    occurrence: march28,
    title: "Node.js Security team Meeting 2024-03-28",
    issueBody: "## Agenda\n\n{{agenda}}\n",
    content: { marker: { v: 1, meeting: meeting.id, occurrence: march28.key }, agendaMarkdown: "* item", agendaItems: [], facts: [] },
  };
}

test("a meeting issue whose creation answered 502 after it took effect is created once, and nothing is closed", async () => {
  let created: { title: string; body: string } | undefined;
  const scope = mockClaim(nock(API).get(`${REPO}/git/ref/${CLAIM_REF}`).reply(404, { message: "Not Found" }));
  scope
    .post(`${REPO}/git/refs`)
    .reply(201, { object: { sha: CLAIM } })
    .post(`${REPO}/issues`, (body: { title: string; body: string }) => Boolean((created = body)))
    .reply(502, { message: "Bad Gateway" })
    .get(`${REPO}/issues`)
    .query(true)
    .reply(200, () => [{ number: 1264, title: created?.title, state: "open", body: created?.body, labels: [{ name: "security-wg-agenda-meeting" }], user: { login: "agenda-drafter[bot]", type: "Bot" } }])
    .get(`${REPO}/git/commits/${CLAIM}`)
    .reply(200, { sha: CLAIM, tree: { sha: TREE }, message: "agenda-drafter: claim security-wg 2024-03-28" })
    .post(`${REPO}/git/commits`, (body: { message: string }) => body.message === "agenda-drafter: security-wg 2024-03-28 is #1264")
    .reply(201, { sha: "1264000000000000000000000000000000001264" })
    .patch(`${REPO}/git/refs/${CLAIM_REF}`, { sha: "1264000000000000000000000000000000001264", force: false })
    .reply(200, {})
    // Its first update brings the signed state.
    .get(`${REPO}/issues/1264`)
    .reply(200, () => ({ number: 1264, title: created?.title, state: "open", body: created?.body, labels: [] }))
    .patch(`${REPO}/issues/1264`)
    .reply(200, {});

  const octokit = withTestSigner(retryingOctokit());
  const unlisted = { all: [], claim: () => readClaim(octokit, { home: { owner: "nodejs", repo: "security-wg" }, meetingId: "security-wg", occurrenceKey: "2024-03-28" }), claimed: async () => undefined };
  const outcome = await publishOccurrence(octokit, draft(), unlisted, {
    create: true,
    now: new Date("2024-03-26T09:00:00Z"),
    log: { info: () => undefined, warn: () => undefined },
  });

  expect(outcome).toEqual({ kind: "created", issueNumber: 1264 });
  expect(scope.pendingMocks()).toEqual([]);
});

test("a minutes branch and pull request whose creations answered 502 after they took effect are made once", async () => {
  const branch = "agenda-drafter/security-wg/2024-03-28";
  const appCommit = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";
  const pull = { number: 1301, state: "open", merged_at: null, html_url: "https://github.com/nodejs/security-wg/pull/1301" };
  const branchRef = `${REPO}/git/ref/${encodeURIComponent(`heads/${branch}`)}`;
  let opened = false;
  const scope = nock(API)
    .get(`${REPO}/pulls`)
    .query({ head: `nodejs:${branch}`, state: "all", per_page: "100" })
    .reply(200, [])
    .get(REPO)
    .reply(200, { default_branch: "main", html_url: "https://github.com/nodejs/security-wg" })
    .get(branchRef)
    .reply(404, { message: "Not Found" })
    .get(`${REPO}/contents/meetings%2F2024-03-28.md`)
    .query({ ref: "main" })
    .reply(404, { message: "Not Found" })
    .get(`${REPO}/git/ref/heads%2Fmain`)
    .reply(200, { object: { sha: HEAD } })
    .get(`${REPO}/git/commits/${HEAD}`)
    .reply(200, { sha: HEAD, tree: { sha: TREE }, message: "Update README" })
    .post(`${REPO}/git/trees`)
    .reply(201, { sha: "7ee57ee57ee57ee57ee57ee57ee57ee57ee57ee5" })
    .post(`${REPO}/git/commits`)
    .reply(201, { sha: appCommit })
    .post(`${REPO}/git/refs`, { ref: `refs/heads/${branch}`, sha: appCommit })
    .reply(502, { message: "Bad Gateway" })
    .get(branchRef)
    .reply(200, { object: { sha: appCommit } })
    .post(`${REPO}/pulls`, () => (opened = true))
    .reply(502, { message: "Bad Gateway" })
    .get(`${REPO}/pulls`)
    .query({ head: `nodejs:${branch}`, state: "all", per_page: "100" })
    .reply(200, () => (opened ? [pull] : []));

  const outcome = await openMinutesPullRequest(
    retryingOctokit(),
    { meeting: securityWgMeeting(), occurrence: march28, content: "# Minutes\n", path: "meetings/2024-03-28.md", issueUrl: "https://github.com/nodejs/security-wg/issues/1264" },
    { log: { info: () => undefined } },
  );

  expect(scope.pendingMocks()).toEqual([]);
  expect(outcome).toEqual({ kind: "opened", pullRequest: { number: 1301, url: pull.html_url }, file: "written" });
});

test("closing deletes the claims of the issue's decided proposals before the close, and keeps a pending one's", async () => {
  const decided = { repo: "nodejs/node" as const, number: 52575, by: "aduh95", at: "2024-03-25T10:00:00Z", decided: { outcome: "added" as const, by: "RafaelGSS", at: "2024-03-26T10:00:00Z" } };
  const pending = { repo: "nodejs/node" as const, number: 52600, by: "aduh95", at: "2024-03-25T11:00:00Z" };
  const body = meetingIssueBody({ proposals: [decided, pending] });
  const order: string[] = [];
  const scope = nock(API)
    .post(`${REPO}/issues/${ISSUE_NUMBER}/comments`)
    .reply(201, () => (order.push("comment"), { id: 1 }))
    .get(`${REPO}/issues/${ISSUE_NUMBER}`)
    .reply(200, meetingIssue(body))
    .delete((path) => path.startsWith(`${REPO}/git/refs/agenda-drafter-proposals%2F${ISSUE_NUMBER}-`))
    .reply(204, () => (order.push("delete claim"), ""))
    .patch(`${REPO}/issues/${ISSUE_NUMBER}`, { state: "closed", state_reason: "completed" })
    .reply(200, () => (order.push("close"), {}));

  await closeWithComment(withTestSigner(retryingOctokit()), { owner: "nodejs", repo: "security-wg" }, ISSUE_NUMBER, "Closing.", "completed");

  expect(scope.pendingMocks()).toEqual([]);
  // One claim deleted: the decided proposal's; the pending one's claim (if any) is left for whoever decides it.
  expect(order).toEqual(["comment", "delete claim", "close"]);
});

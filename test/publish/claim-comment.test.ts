// A comment's commands run once, and are not lost: the claim ref records who claimed the comment
// and when, then that the work is done. A lost answer to the claim is the process's own claim; a
// claim whose process died is taken over after a while; a comment done is never run again.
import nock from "nock";
import { ProbotOctokit } from "probot";
import type { GitHub } from "../../src/github.js";
import { claimComment, deleteExpiredCommentClaims, finishComment, sweepCommentClaims } from "../../src/publish/claim-comment.js";

const API = "https://api.github.com";
const REPO = "/repos/nodejs/security-wg";
const HOME = { owner: "nodejs", repo: "security-wg" };
const COMMENT_ID = 2030144871;
const REF = `refs/agenda-drafter-comments/${COMMENT_ID}`;
const GET_REF = `${REPO}/git/ref/${encodeURIComponent(`agenda-drafter-comments/${COMMENT_ID}`)}`;
const HEAD = "7638417db6d59f3c431d3e1f261cc637155684cd";
const TREE = "691272480426f78a0138979dd3ce63b77f706feb";
const MINE = "c1a1m0000000000000000000000000000000c1a1";
const THEIRS = "0the000000000000000000000000000000000c1a";
const NOW = new Date("2024-03-26T09:00:00Z");

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function retryingOctokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
}

/** Up to the claim commit: the default branch's tree, and a commit saying who claims the comment. */
function mockClaimCommit(messages: string[]) {
  return nock(API)
    .get(REPO)
    .reply(200, { default_branch: "main" })
    .get(`${REPO}/git/ref/heads%2Fmain`)
    .reply(200, { object: { sha: HEAD } })
    .get(`${REPO}/git/commits/${HEAD}`)
    .reply(200, { sha: HEAD, tree: { sha: TREE }, message: "Update README" })
    .post(`${REPO}/git/commits`, (body: { message: string }) => messages.push(body.message) > 0)
    .reply(201, { sha: MINE });
}

test("a claim whose answer was lost after the ref was created is this process's own", async () => {
  const messages: string[] = [];
  const scope = mockClaimCommit(messages)
    .post(`${REPO}/git/refs`, { ref: REF, sha: MINE })
    .reply(502, { message: "Bad Gateway" })
    .get(GET_REF)
    .reply(200, { object: { sha: MINE } });

  expect(await claimComment(retryingOctokit(), HOME, COMMENT_ID, NOW)).toEqual({ sha: MINE, tree: TREE, takenOver: false });
  expect(scope.pendingMocks()).toEqual([]);
  expect(messages[0]).toMatch(/^agenda-drafter: comment 2030144871 claimed at 2024-03-26T09:00:00.000Z\n\nclaimant [\w-]+$/);
});

function mockHeldClaim(scope: nock.Scope, message: string, date: string) {
  return scope
    .post(`${REPO}/git/refs`)
    .reply(422, { message: "Reference already exists" })
    .get(GET_REF)
    .reply(200, { object: { sha: THEIRS } })
    .get(`${REPO}/git/commits/${THEIRS}`)
    .reply(200, { sha: THEIRS, tree: { sha: TREE }, message, committer: { date } });
}

test("a claim whose process died before its work was done is taken over, by a ref update only one process wins", async () => {
  const messages: string[] = [];
  const scope = mockHeldClaim(mockClaimCommit(messages), "agenda-drafter: comment 2030144871 claimed at 2024-03-26T08:50:00.000Z", "2024-03-26T08:50:00Z")
    .post(`${REPO}/git/commits`, (body: { parents: string[]; message: string }) => body.parents[0] === THEIRS && messages.push(body.message) > 0)
    .reply(201, { sha: "7a4e000000000000000000000000000000007a4e" })
    .patch(`${REPO}/git/refs/${encodeURIComponent(`agenda-drafter-comments/${COMMENT_ID}`)}`, { sha: "7a4e000000000000000000000000000000007a4e", force: false })
    .reply(200, {});

  expect(await claimComment(retryingOctokit(), HOME, COMMENT_ID, NOW)).toEqual({ sha: "7a4e000000000000000000000000000000007a4e", tree: TREE, takenOver: true });
  expect(scope.pendingMocks()).toEqual([]);
  expect(messages[1]).toMatch(/^agenda-drafter: comment 2030144871 claimed at 2024-03-26T09:00:00.000Z \(the earlier claim went stale\)/);
});

test("a comment whose work is done, or that another process claimed a moment ago, is not claimed", async () => {
  const done = mockHeldClaim(mockClaimCommit([]), "agenda-drafter: comment 2030144871 done", "2024-03-26T08:00:00Z");
  expect(await claimComment(retryingOctokit(), HOME, COMMENT_ID, NOW)).toBeUndefined();
  expect(done.pendingMocks()).toEqual([]);

  const fresh = mockHeldClaim(mockClaimCommit([]), "agenda-drafter: comment 2030144871 claimed at 2024-03-26T08:59:00.000Z", "2024-03-26T08:59:00Z");
  expect(await claimComment(retryingOctokit(), HOME, COMMENT_ID, NOW)).toBeUndefined();
  expect(fresh.pendingMocks()).toEqual([]);
});

test("finishing records that the comment's work is done", async () => {
  const scope = nock(API)
    .post(`${REPO}/git/commits`, { tree: TREE, parents: [MINE], message: "agenda-drafter: comment 2030144871 done" })
    .reply(201, { sha: "d0ne00000000000000000000000000000000d0ne" })
    .patch(`${REPO}/git/refs/${encodeURIComponent(`agenda-drafter-comments/${COMMENT_ID}`)}`, { sha: "d0ne00000000000000000000000000000000d0ne", force: false })
    .reply(200, {});
  await finishComment(retryingOctokit(), HOME, COMMENT_ID, { sha: MINE, tree: TREE });
  expect(scope.pendingMocks()).toEqual([]);
});

test("the sweep reads each claim commit once per process, and deletes done claims older than a comment's event may come again, ten a tick", async () => {
  const claims = Array.from({ length: 12 }, (_, index) => ({ id: 100 + index, sha: `${String(index).padStart(2, "0")}${"d".repeat(38)}` }));
  const refs = claims.map((claim) => ({ ref: `refs/agenda-drafter-comments/${claim.id}`, object: { sha: claim.sha } }));
  const listed = nock(API).get(`${REPO}/git/matching-refs/agenda-drafter-comments%2F`).query(true).reply(200, refs);
  for (const [index, claim] of claims.entries()) {
    // The first claim is done within the 31 days and the day kept past them; the rest before.
    const date = index === 0 ? "2024-02-24T10:00:00Z" : "2024-02-23T08:00:00Z";
    listed.get(`${REPO}/git/commits/${claim.sha}`).reply(200, { sha: claim.sha, message: `agenda-drafter: comment ${claim.id} done`, committer: { date } });
  }
  const settled = new Map<string, number>();
  const octokit = retryingOctokit();
  const sweep = await sweepCommentClaims(octokit, HOME, NOW, settled);
  expect(sweep.stale).toEqual([]);
  expect(sweep.expired.map((claim) => claim.ref)).toEqual(claims.slice(1).map((claim) => `agenda-drafter-comments/${claim.id}`));

  // Another replica deleted one first: that is no failure.
  const deleted: string[] = [];
  for (const claim of claims.slice(1, 11)) {
    listed.delete(`${REPO}/git/refs/${encodeURIComponent(`agenda-drafter-comments/${claim.id}`)}`).reply(function () {
      deleted.push(claim.sha);
      return claim.id === 101 ? [422, { message: "Reference does not exist" }] : [204];
    });
  }
  const gone = await deleteExpiredCommentClaims(octokit, HOME, sweep.expired, settled);
  expect(gone).toHaveLength(10);
  expect(deleted).toEqual(claims.slice(1, 11).map((claim) => claim.sha));

  // The next sweep reads no commit again: what is left to delete is known from the first.
  listed.get(`${REPO}/git/matching-refs/agenda-drafter-comments%2F`).query(true).reply(200, [refs[0], refs[11]]);
  expect((await sweepCommentClaims(octokit, HOME, NOW, settled)).expired.map((claim) => claim.sha)).toEqual(claims.slice(11).map((claim) => claim.sha));
  expect(listed.pendingMocks()).toEqual([]);
});

// What proposing and deciding write into the meeting issue's signed state.
import nock from "nock";
import { createMeetingActions } from "../../src/operations/meeting-actions.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { API, TestOctokit } from "../app/harness.js";
import { ISSUE_NUMBER, meetingIssue, meetingIssueBody, quietLog, stateOf } from "../app/meeting-issue-fixture.js";
import { withTestSigner } from "../fixtures/state-signer.js";

const REPO = "/repos/nodejs/security-wg";
const ITEM = { ref: { repo: "nodejs/node" as const, number: 52575 }, title: "Remove\n--experimental-policy", url: "https://github.com/nodejs/node/issues/52575" };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function actions(now = "2024-03-26T10:00:00Z", commenter = "RafaelGSS") {
  return createMeetingActions({
    octokit: withTestSigner(new TestOctokit({ auth: "ghs_test" })) as never,
    meeting: securityWgMeeting(),
    issueNumber: ISSUE_NUMBER,
    scheduled: march28,
    commenter,
    now: new Date(now),
    log: quietLog,
  });
}

/** Answers the issue reads with `body` and records the bodies written. */
function issueWith(body: string, reads = 1): string[] {
  const written: string[] = [];
  nock(API)
    .get(`${REPO}/issues/${ISSUE_NUMBER}`)
    .times(reads)
    .reply(200, meetingIssue(body))
    .patch(`${REPO}/issues/${ISSUE_NUMBER}`, (request: { body: string }) => (written.push(request.body), true))
    .optionally()
    .reply(200, {});
  return written;
}

test("a proposal goes into the state as one line, with who and when", async () => {
  const written = issueWith(meetingIssueBody());
  await expect(actions().propose({ item: ITEM, by: "aduh95", why: "  needs\na decision " })).resolves.toEqual({});
  expect(stateOf(written[0] as string)?.proposals).toEqual([
    { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", url: ITEM.url, by: "aduh95", why: "needs a decision", at: "2024-03-26T10:00:00.000Z" },
  ]);
});

test("from the start, or once cancelled, nothing is proposed and nothing written", async () => {
  const started = issueWith(meetingIssueBody());
  await expect(actions("2024-03-28T16:00:00Z").propose({ item: ITEM, by: "aduh95" })).resolves.toEqual({
    refused: "this meeting has started and its agenda is frozen; propose on the next meeting's issue.",
  });
  expect(started).toEqual([]);
  const cancelled = issueWith(meetingIssueBody({ cancelled: { at: "2024-03-25T10:00:00Z" } }));
  await expect(actions().propose({ item: ITEM, by: "aduh95" })).resolves.toEqual({
    refused: "this meeting is cancelled; propose on the next meeting's issue.",
  });
  expect(cancelled).toEqual([]);
});

test("a body that people's text has filled refuses the proposal instead of failing", async () => {
  const body = meetingIssueBody().replace("\n", `\n${"x".repeat(65_536 - meetingIssueBody().length - 20)}\n`);
  const written = issueWith(body);
  await expect(actions().propose({ item: ITEM, by: "aduh95", why: "y".repeat(200) })).resolves.toEqual({
    refused: "the meeting issue has no room left for another proposal within GitHub's 65,536 characters.",
  });
  expect(written).toEqual([]);
});

/** GitHub's answers to claiming one proposal's decision: the claim ref is created, or exists already (another process decides). */
function claimAnswers(outcome: "created" | "taken") {
  const scope = nock(API)
    .get(REPO)
    .reply(200, { default_branch: "main" })
    .get(`${REPO}/git/ref/heads%2Fmain`)
    .reply(200, { object: { sha: "a".repeat(40) } })
    .get(`${REPO}/git/commits/${"a".repeat(40)}`)
    .reply(200, { sha: "a".repeat(40), tree: { sha: "b".repeat(40) } })
    .post(`${REPO}/git/commits`)
    .reply(201, { sha: "c".repeat(40) });
  if (outcome === "created") return scope.post(`${REPO}/git/refs`, (body: { ref: string }) => body.ref.startsWith(`refs/agenda-drafter-proposals/${ISSUE_NUMBER}-`)).reply(201, {});
  return scope
    .post(`${REPO}/git/refs`)
    .reply(422, { message: "Reference already exists" })
    .get(/\/git\/ref\/agenda-drafter-proposals/)
    .reply(200, { object: { sha: "d".repeat(40) } })
    .get(`${REPO}/git/commits/${"d".repeat(40)}`)
    .reply(200, { sha: "d".repeat(40), message: "agenda-drafter: proposal x claimed at 2024-03-26T09:59:00.000Z", committer: { date: "2024-03-26T09:59:00Z" }, tree: { sha: "b".repeat(40) } });
}

test("deciding tells the proposer, then keeps only what the limits count, and returns the proposers", async () => {
  const proposals = [
    { repo: "nodejs/node" as const, number: 52575, title: "A", url: ITEM.url, by: "aduh95", why: "because", at: "2024-03-26T09:00:00.000Z" },
    { repo: "nodejs/node" as const, number: 52459, title: "B", url: "https://github.com/nodejs/node/pull/52459", by: "targos", at: "2024-03-26T09:05:00.000Z" },
  ];
  const written = issueWith(meetingIssueBody({ proposals }), 2);
  const claim = claimAnswers("created");
  const notices: string[] = [];
  const told = nock(API)
    .post(`${REPO}/issues/${ISSUE_NUMBER}/comments`, (request: { body: string }) => (notices.push(request.body), true))
    .reply(201, { id: 1 });
  const decision = { outcome: "declined", told: "is declined." } as const;
  await expect(actions("2024-03-26T10:00:00Z", "marco-ippolito").decideProposals([{ repo: "NodeJS/node", number: 52575 }], decision)).resolves.toEqual([
    { repo: "nodejs/node", number: 52575, title: "A", by: "aduh95" },
  ]);
  expect(claim.pendingMocks()).toEqual([]);
  expect(told.pendingMocks()).toEqual([]);
  expect(notices).toEqual([expect.stringMatching(/^@aduh95: your proposal of A \(nodejs\/node#52575\) is declined\.\n\n<!-- agenda-drafter:write proposal-\d+-[0-9a-f]{24} -->$/)]);
  expect(stateOf(written[0] as string)?.proposals).toEqual([
    { repo: "nodejs/node", number: 52575, by: "aduh95", at: "2024-03-26T09:00:00.000Z", decided: { outcome: "declined", by: "marco-ippolito", at: "2024-03-26T10:00:00.000Z" } },
    proposals[1],
  ]);
});

test("a proposal another process is deciding is left to it: nothing written, nobody told here", async () => {
  const proposals = [{ repo: "nodejs/node" as const, number: 52575, title: "A", url: ITEM.url, by: "aduh95", at: "2024-03-26T09:00:00.000Z" }];
  const written = issueWith(meetingIssueBody({ proposals }));
  const claim = claimAnswers("taken");
  await expect(actions().decideProposals([{ repo: "nodejs/node", number: 52575 }], { outcome: "added", told: "is added." })).resolves.toEqual([]);
  expect(claim.pendingMocks()).toEqual([]);
  expect(written).toEqual([]);
});

test("deciding an item nobody proposed writes nothing", async () => {
  const written = issueWith(meetingIssueBody());
  await expect(actions().decideProposals([{ repo: "nodejs/node", number: 1 }], { outcome: "added", told: "is added." })).resolves.toEqual([]);
  expect(written).toEqual([]);
});

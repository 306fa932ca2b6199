import nock from "nock";
import { issuesEvent } from "../fixtures/webhooks/node-webhooks.js";
import { API, cleanUp, mockClaimedIssue, mockDiscovery, startApp } from "./harness.js";
import { ISSUE_NUMBER, meetingIssueBody } from "./meeting-issue-fixture.js";
import { visibleText } from "../fixtures/visible-text.js";

const REPO = "/repos/nodejs/security-wg";
const HEAD = "7638417db6d59f3c431d3e1f261cc637155684cd";
const COMMENT_ID = 2030144871;
const TREE = "691272480426f78a0138979dd3ce63b77f706feb";
const CLAIM = "c1a1m0000000000000000000000000000000c1a1";
const DONE = "d0ne00000000000000000000000000000000d0ne";
// A week before the meeting: the refresh that discovery starts finds nothing to create.
const A_WEEK_BEFORE = "2024-03-21T09:00:00Z";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

interface CommentOptions {
  login?: string;
  type?: "User" | "Bot";
  issueBody?: string | null;
  pullRequest?: boolean;
}

/** An `issue_comment.created` webhook on the meeting issue, built on the `issues` fixture's issue. */
function commentEvent(body: string, options: CommentOptions = {}) {
  const { payload } = issuesEvent("opened", {
    repo: "nodejs/security-wg",
    number: ISSUE_NUMBER,
    title: "Node.js Security team Meeting 2024-03-28",
    labels: ["meeting"],
    author: "agenda-drafter[bot]",
  });
  const login = options.login ?? "RafaelGSS";
  const user = { ...payload.sender, login, type: options.type ?? "User" };
  return {
    name: "issue_comment" as const,
    id: `delivery-comment-${COMMENT_ID}`,
    payload: {
      action: "created",
      issue: {
        ...payload.issue,
        body: options.issueBody === undefined ? meetingIssueBody() : options.issueBody,
        ...(options.pullRequest && { pull_request: { url: `https://api.github.com${REPO}/pulls/${ISSUE_NUMBER}` } }),
      },
      comment: {
        id: COMMENT_ID,
        body,
        user,
        html_url: `https://github.com/nodejs/security-wg/issues/${ISSUE_NUMBER}#issuecomment-${COMMENT_ID}`,
        created_at: "2024-03-21T09:00:00Z",
        updated_at: "2024-03-21T09:00:00Z",
        author_association: "MEMBER",
      },
      repository: payload.repository,
      organization: payload.organization,
      sender: user,
      installation: payload.installation,
    },
  };
}

/** Discovery, and the refresh it starts, which lists the meeting issues and finds none due. */
function mockDiscoveryAndRefresh() {
  mockDiscovery();
  return nock(API).get(`${REPO}/issues`).query(true).reply(200, []);
}

/** The occurrence's claim, which says the issue is its meeting issue, the comment, still there, and the comment's claim: a commit saying so and the ref to it; a claim held already is `done`. After the commands, the claim says `done`. */
function mockClaim(status: 201 | 422) {
  const scope = mockClaimedIssue(nock(API), ISSUE_NUMBER)
    .get(`${REPO}/issues/comments/${COMMENT_ID}`)
    .reply(200, { id: COMMENT_ID })
    .get(REPO)
    .reply(200, { default_branch: "main", private: false })
    .get(`${REPO}/git/ref/heads%2Fmain`)
    .reply(200, { ref: "refs/heads/main", object: { sha: HEAD, type: "commit" } })
    .get(`${REPO}/git/commits/${HEAD}`)
    .reply(200, { sha: HEAD, tree: { sha: TREE } })
    .post(`${REPO}/git/commits`, (body) => body.message.startsWith(`agenda-drafter: comment ${COMMENT_ID} claimed at `))
    .reply(201, { sha: CLAIM })
    .post(`${REPO}/git/refs`, { ref: `refs/agenda-drafter-comments/${COMMENT_ID}`, sha: CLAIM })
    .reply(status, status === 201 ? {} : { message: "Reference already exists" });
  if (status === 422) {
    return scope
      .get(`${REPO}/git/ref/agenda-drafter-comments%2F${COMMENT_ID}`)
      .reply(200, { object: { sha: DONE } })
      .get(`${REPO}/git/commits/${DONE}`)
      .reply(200, { sha: DONE, tree: { sha: TREE }, message: `agenda-drafter: comment ${COMMENT_ID} done`, committer: { date: "2024-03-21T08:00:00Z" } });
  }
  return scope
    .post(`${REPO}/git/commits`, { tree: TREE, parents: [CLAIM], message: `agenda-drafter: comment ${COMMENT_ID} done` })
    .reply(201, { sha: DONE })
    .patch(`${REPO}/git/refs/agenda-drafter-comments%2F${COMMENT_ID}`, { sha: DONE, force: false })
    .reply(200, {});
}

test("a new comment with a command on the meeting issue is claimed, gets a reaction at once and one reply", async () => {
  const { probot, drafter } = await startApp(A_WEEK_BEFORE);
  const refresh = mockDiscoveryAndRefresh();
  const claim = mockClaim(201);
  let reply = "";
  const answers = nock(API)
    .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
    .reply(201, {})
    .post(`${REPO}/issues/${ISSUE_NUMBER}/comments`, (sent) => ((reply = visibleText(sent.body)), true))
    .reply(201, {});

  await probot.receive(commentEvent("Thanks all!\n/HELP") as never);
  await drafter.idle();

  expect([...refresh.pendingMocks(), ...claim.pendingMocks(), ...answers.pendingMocks()]).toEqual([]);
  expect(reply.split("\n").slice(0, 3)).toEqual(["> /HELP", "", "Commands are lines of a new comment on this issue that start with one of these:"]);
});

test("a comment claimed already, by a redelivery or another replica, runs nothing more", async () => {
  const { probot, drafter } = await startApp(A_WEEK_BEFORE);
  mockDiscoveryAndRefresh();
  const claim = mockClaim(422);

  await probot.receive(commentEvent("/help") as never);
  await drafter.idle();

  expect(claim.pendingMocks()).toEqual([]);
});

test("edited comments, and comments by bots, on pull requests and on issues that are not meeting issues run nothing and read nothing", async () => {
  const { probot, drafter } = await startApp(A_WEEK_BEFORE);
  const edited = commentEvent("/meeting cancel");
  await probot.receive({ ...edited, payload: { ...edited.payload, action: "edited", changes: { body: { from: "See you on Thursday" } } } } as never);
  await probot.receive(commentEvent("/meeting cancel", { pullRequest: true }) as never);
  await probot.receive(commentEvent("/meeting cancel", { issueBody: "Node.js Security Initiatives 2024: what's next?" }) as never);
  await probot.receive(commentEvent("/meeting cancel", { issueBody: null }) as never);

  mockDiscoveryAndRefresh();
  await probot.receive(commentEvent("/meeting cancel", { login: "dependabot[bot]", type: "Bot" }) as never);
  await drafter.idle();
  expect(nock.pendingMocks()).toEqual([]);
});

test("a deleted comment, whose issue_comment webhook GitHub sends the app too, runs nothing and asks GitHub nothing", async () => {
  const { probot, drafter } = await startApp(A_WEEK_BEFORE);
  // Unanswered requests would only be logged: each is recorded instead.
  const asked: string[] = [];
  const record = (request: { method?: string; path?: string }) => asked.push(`${request.method} ${request.path}`);
  nock.emitter.on("no match", record);
  try {
    const deleted = commentEvent("/meeting cancel");
    await probot.receive({ ...deleted, payload: { ...deleted.payload, action: "deleted" } } as never);
    await drafter.idle();
  } finally {
    nock.emitter.removeListener("no match", record);
  }
  expect(asked).toEqual([]);
});

test("a meeting issue of an occurrence the schedule no longer has runs nothing", async () => {
  const { probot, drafter } = await startApp(A_WEEK_BEFORE);
  mockDiscoveryAndRefresh();
  const body = meetingIssueBody().replace('"occurrence":"2024-03-28"', '"occurrence":"2024-03-29"');
  await probot.receive(commentEvent("/meeting cancel", { issueBody: body }) as never);
  await drafter.idle();
  expect(nock.pendingMocks()).toEqual([]);
});

test("a comment on an issue with a copied marker, which the occurrence's claim does not record, runs nothing and writes nothing", async () => {
  const { probot, drafter } = await startApp(A_WEEK_BEFORE);
  mockDiscoveryAndRefresh();
  const claim = mockClaimedIssue(nock(API), ISSUE_NUMBER);
  const copy = commentEvent("/present\n/minutes\n/meeting reschedule 2024-03-29 17:00", { login: "mallory" });
  await probot.receive({ ...copy, payload: { ...copy.payload, issue: { ...copy.payload.issue, number: ISSUE_NUMBER + 1 } } } as never);
  await drafter.idle();
  expect(claim.pendingMocks()).toEqual([]);
  expect(nock.pendingMocks()).toEqual([]);
});

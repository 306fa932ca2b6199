// A write whose change GitHub made but whose answer was lost (a 502 after the fact) is not made
// twice: Probot's retry plugin would re-send the `POST`, so the app looks for the change first.
// Each test loses the answer of one kind of write and checks that there is exactly one effect.
import type { E2E } from "./harness.js";
import { HOME, meetingIssue, meetingIssues, snapshotWith, writeLines } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

const [OWNER = "", REPO = ""] = HOME.split("/");
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";
const CREATE_COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const CREATE_ISSUE = "POST /repos/{owner}/{repo}/issues";
const CREATE_REF = "POST /repos/{owner}/{repo}/git/refs";
const CREATE_COMMIT = "POST /repos/{owner}/{repo}/git/commits";
const CREATE_PULL = "POST /repos/{owner}/{repo}/pulls";

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

/** The fixture an hour before the lead time of the 2024-03-28 meeting: no meeting issue yet. */
const BEFORE_LEAD_TIME = snapshotWith((snapshot) => {
  snapshot.now = "2024-03-25T15:00:00Z";
});

function botReplies(e2e: E2E, issueNumber: number): string[] {
  return e2e
    .comments(HOME, issueNumber)
    .filter((comment) => comment.author === "agenda-drafter[bot]")
    .map((comment) => visibleText(comment.body).split("\n")[0] ?? "");
}

async function comment(e2e: E2E, body: string) {
  const { data } = await e2e.as("RafaelGSS").rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: meetingIssue(e2e).number, body });
  await e2e.settle();
  return data;
}

test("a reply comment whose answer is lost is posted once", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  e2e.failRequests({ route: CREATE_COMMENT, kind: "lost-response" });

  await comment(e2e, "/agenda add nodejs/node#52575");

  expect(e2e.requestFaults()).toMatchObject([{ fired: 1 }]);
  expect(botReplies(e2e, meetingIssue(e2e).number)).toEqual(["> /agenda add nodejs/node#\u200B52575"]);
});

test("a meeting issue whose creation's answer is lost is created once, and no duplicate is closed", async () => {
  stage = await startDrafter(BEFORE_LEAD_TIME);
  const { e2e } = stage;
  e2e.failRequests({ route: CREATE_ISSUE, kind: "lost-response" });
  e2e.clock.set("2024-03-25T16:00:00Z");

  expect(stepsDone(await stage.tick())).toEqual(["create-issue 2024-03-28"]);

  expect(e2e.requestFaults()).toMatchObject([{ fired: 1 }]);
  expect(meetingIssues(e2e).map((issue) => `${issue.title} ${issue.state}`)).toEqual(["Node.js Security team Meeting 2024-03-28 open"]);
  expect(writeLines(e2e).filter((line) => line.startsWith(`POST /repos/${HOME}/issues `))).toEqual([`POST /repos/${HOME}/issues 201`]); // one create sent
});

test("an occurrence claim whose answer is lost is the process's own: the issue is created at once, once", async () => {
  stage = await startDrafter(BEFORE_LEAD_TIME);
  const { e2e } = stage;
  e2e.failRequests({ route: CREATE_REF, kind: "lost-response" });
  e2e.clock.set("2024-03-25T16:00:00Z");

  expect(stepsDone(await stage.tick())).toEqual(["create-issue 2024-03-28"]);

  expect(e2e.requestFaults()).toMatchObject([{ fired: 1 }]);
  expect(meetingIssues(e2e)).toHaveLength(1);
  const { data: claim } = await e2e.as("mhdawson").rest.git.getRef({ owner: OWNER, repo: REPO, ref: "agenda-drafter/security-wg/2024-03-28" });
  const { data: commit } = await e2e.as("mhdawson").rest.git.getCommit({ owner: OWNER, repo: REPO, commit_sha: claim.object.sha });
  expect(commit.message).toBe(`agenda-drafter: security-wg 2024-03-28 is #${meetingIssue(e2e).number}`);
});

test("a comment claim whose answer is lost is the process's own: the commands run at once, once", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  e2e.failRequests({ route: CREATE_REF, kind: "lost-response" });

  const { id } = await comment(e2e, "/agenda add nodejs/node#52575");

  expect(e2e.requestFaults()).toMatchObject([{ fired: 1 }]);
  expect(botReplies(e2e, meetingIssue(e2e).number)).toEqual(["> /agenda add nodejs/node#\u200B52575"]);
  const person = e2e.as("mhdawson").rest.git;
  const { data: ref } = await person.getRef({ owner: OWNER, repo: REPO, ref: `agenda-drafter-comments/${id}` });
  const { data: done } = await person.getCommit({ owner: OWNER, repo: REPO, commit_sha: ref.object.sha });
  expect(done.message).toBe(`agenda-drafter: comment ${id} done`);
});

describe("the minutes pull request", () => {
  test.each([
    ["the branch's ref", CREATE_REF],
    ["the minutes commit", CREATE_COMMIT],
    ["the pull request", CREATE_PULL],
  ])("opens once when the answer to %s is lost", async (_what, route) => {
    stage = await startDrafter();
    const { e2e } = stage;
    e2e.clock.set("2024-03-28T17:05:00Z");
    e2e.failRequests({ route, kind: "lost-response" });

    expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);

    expect(e2e.requestFaults()).toMatchObject([{ fired: 1 }]);
    const pulls = e2e.pullRequests(HOME);
    expect(pulls.map((pull) => `${pull.pullRequest.head.ref} ${pull.state}`)).toEqual([`${MINUTES_BRANCH} open`]);
    expect(e2e.file(HOME, "meetings/2024-03-28.md", MINUTES_BRANCH)).toContain("Node.js Security Initiatives 2024");
    expect(meetingIssue(e2e).body).toContain(`https://github.com/${HOME}/pull/${pulls[0]?.number}`);
    // A later tick finds everything in place.
    expect(stepsDone(await stage.tick())).toEqual([]);
    expect(e2e.pullRequests(HOME)).toHaveLength(1);
  });
});

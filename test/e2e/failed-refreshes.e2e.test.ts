// A meeting-issue write that GitHub refuses for now (a secondary rate limit, which Probot never
// retries; a 5xx or a primary rate limit that outlasts Probot's retries) is not dropped with its
// webhook facts: the refresh runs again after `retry-after`, else a minute (both shortened on the
// stage), a few times at most; after that the tick repairs the issue, before the freeze records it.
import { jest } from "@jest/globals";
import type { RequestFaultInput } from "@agenda-drafter/github-sandbox";
import { agendaItems, HOME, meetingIssue, stateOf } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

const LABEL = "security-wg-agenda";
const [OWNER = "", REPO = ""] = HOME.split("/");
const UPDATE_ISSUE = "PATCH /repos/{owner}/{repo}/issues/{issue_number}";
const JOINING_LINK = "* Zoom: https://zoom.us/j/97865103457 (passcode in the calendar invite)";

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

/** The app's warnings from now on. */
function warnings(current: DrafterStage): string[] {
  const seen: string[] = [];
  jest.spyOn(current.e2e.probot.log, "warn").mockImplementation(((message: unknown) => void seen.push(String(message))) as never);
  return seen;
}

async function labelNode52575(current: DrafterStage) {
  await current.e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [LABEL] });
  await current.e2e.settle();
}

test.each<[string, RequestFaultInput, string]>([
  ["a secondary rate limit with retry-after", { route: UPDATE_ISSUE, kind: "secondary-rate-limit", retryAfter: 7 }, "in 7 s"],
  ["a secondary rate limit without retry-after", { route: UPDATE_ISSUE, kind: "secondary-rate-limit" }, "in 60 s"],
  ["a 500 that outlasts Probot's retries", { route: UPDATE_ISSUE, kind: "server-error", status: 500, times: 4 }, "in 60 s"],
  ["a 429 primary rate limit that outlasts Probot's retries", { route: UPDATE_ISSUE, kind: "rate-limit", status: 429, times: 7 }, "in 60 s"],
])("a refresh that meets %s runs again when GitHub says, and the agenda catches up", async (_fault, fault, wait) => {
  stage = await startDrafter();
  const seen = warnings(stage);
  stage.e2e.failRequests(fault);

  await labelNode52575(stage);

  const [record] = stage.e2e.requestFaults();
  expect(record?.fired).toBe(record?.times);
  expect(agendaItems(meetingIssue(stage.e2e))).toContain("nodejs/node#52575");
  expect(seen.filter((message) => /the refresh failed/.test(message))).toEqual([
    expect.stringMatching(new RegExp(`^nodejs/security-wg security-wg: the refresh failed \\(.*\\); trying again ${wait}$`)),
  ]);
});

test("a refresh that keeps failing stops after a few tries; the tick repairs the issue, and the freeze records the right agenda", async () => {
  stage = await startDrafter();
  const seen = warnings(stage);
  stage.e2e.failRequests({ route: UPDATE_ISSUE, kind: "secondary-rate-limit", retryAfter: 5, times: "always" });

  await labelNode52575(stage);

  // The first try and three more, then one line saying the tick takes over.
  expect(stage.e2e.requestFaults()).toMatchObject([{ fired: 4 }]);
  expect(seen.filter((message) => /the refresh failed/.test(message))).toEqual([
    ...Array.from({ length: 3 }, () => expect.stringMatching(/trying again in 5 s$/)),
    expect.stringMatching(/the refresh failed 4 times \(.*\); the next tick repairs the issue$/),
  ]);
  expect(agendaItems(meetingIssue(stage.e2e))).not.toContain("nodejs/node#52575");

  // GitHub lets the app write again: the next tick finds the issue differs from its draft and writes it.
  stage.e2e.clearRequestFaults();
  stage.e2e.clock.advance("PT5M");
  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(agendaItems(meetingIssue(stage.e2e))).toContain("nodejs/node#52575");

  stage.e2e.clock.set("2024-03-28T16:30:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  const frozen = stateOf(meetingIssue(stage.e2e))?.frozen;
  expect(frozen?.groups.flatMap((group) => group.items.map((item) => `${group.repo}#${item.number}`))).toContain("nodejs/node#52575");
});

test("the restore of a person's overwritten edit that GitHub refuses for now runs again", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  const seen = warnings(stage);
  const { number } = meetingIssue(e2e);

  // The moment the app has read the body for its next write, Michael saves his edit; the app's
  // write overwrites it, and its write that puts the edit back meets a secondary rate limit.
  let armed = true;
  const stop = e2e.sandbox.onRequest((request) => {
    if (!armed || request.actor.kind !== "installation" || request.method !== "GET" || request.path !== `/repos/${HOME}/issues/${number}`) return;
    armed = false;
    const edited = (e2e.issue(HOME, number).body ?? "").replace("* The joining link will be shared here before the meeting.", JOINING_LINK);
    void e2e.sandbox.handle(
      new Request(`${e2e.url}/api/v3/repos/${HOME}/issues/${number}`, {
        method: "PATCH",
        headers: { authorization: "token user:mhdawson", "content-type": "application/json" },
        body: JSON.stringify({ body: edited }),
      }),
    );
  });
  e2e.failRequests({ route: UPDATE_ISSUE, kind: "secondary-rate-limit", retryAfter: 3, nth: 2 });
  await labelNode52575(stage);
  stop();

  expect(armed).toBe(false);
  expect(e2e.requestFaults()).toMatchObject([{ fired: 1 }]);
  const issue = e2e.issue(HOME, number);
  expect(issue.body).toContain(JOINING_LINK);
  expect(agendaItems(issue)).toContain("nodejs/node#52575");
  expect(seen.filter((message) => message.includes("restoring"))).toEqual([expect.stringMatching(new RegExp(`^${OWNER}/${REPO}#${number}: restoring a person's edit failed \\(.*\\); trying again in 3 s$`))]);
});

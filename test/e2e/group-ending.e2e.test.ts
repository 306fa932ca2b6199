// The meeting issue ends cleanly: merging its minutes pull request closes it.
import { HOME, meetingIssue } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

const REPO = { owner: "nodejs", repo: "security-wg" };

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

test("merging the minutes pull request closes the meeting issue as completed, saying why", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  e2e.clock.set("2024-03-28T17:05:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
  const issue = meetingIssue(e2e);
  const [pullRequest] = e2e.pullRequests(HOME);
  expect(e2e.issue(HOME, issue.number).state).toBe("open");

  await e2e.as("mhdawson").rest.pulls.merge({ ...REPO, pull_number: pullRequest!.number, merge_method: "squash" });
  await e2e.settle();
  const closed = e2e.issue(HOME, issue.number);
  expect({ state: closed.state, reason: closed.stateReason }).toEqual({ state: "closed", reason: "completed" });
  expect(e2e.comments(HOME, issue.number).map((comment) => `${comment.author}: ${visibleText(comment.body)}`).at(-1)).toBe(
    `agenda-drafter[bot]: The minutes pull request #${pullRequest!.number} is merged; closing this meeting issue.`,
  );
});

test("a pull request closed without merging leaves the meeting issue open", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  e2e.clock.set("2024-03-28T17:05:00Z");
  await stage.tick();
  const [pullRequest] = e2e.pullRequests(HOME);
  await e2e.as("mhdawson").rest.pulls.update({ ...REPO, pull_number: pullRequest!.number, state: "closed" });
  await e2e.settle();
  expect(e2e.issue(HOME, meetingIssue(e2e).number).state).toBe("open");
});

// GitHub does not send a webhook again when its delivery fails: a label added while the app was
// unreachable leaves the meeting issue out of date until the next tick, which reads the agenda
// again and rewrites the issue.
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { agendaItems, meetingIssue } from "./live-issue-app.js";

let stage: DrafterStage;
afterAll(async () => stage?.e2e.close());

test("a tick rewrites the issue a lost label event left out of date", async () => {
  stage = await startDrafter();
  const before = agendaItems(meetingIssue(stage.e2e));
  expect(before).not.toContain("nodejs/node#52575");

  stage.e2e.faults({ lose: 1 });
  await stage.e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: ["security-wg-agenda"] });
  await stage.e2e.settle();
  expect(stage.e2e.deliveries().at(-1)).toMatchObject({ event: "issues", action: "labeled", state: "failed" });
  expect(agendaItems(meetingIssue(stage.e2e))).toEqual(before);

  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(agendaItems(meetingIssue(stage.e2e))).toEqual([...before, "nodejs/node#52575"].sort());
});

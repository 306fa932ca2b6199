// A webhook is a hint of what to check, not the truth: one that arrives late, after a newer change
// search already shows, must not take an item off the agenda.
import type { E2E } from "./harness.js";
import { agendaItems, meetingIssue, startLiveIssueApp, stateOf } from "./live-issue-app.js";

const LABEL = "security-wg-agenda";
let e2e: E2E;
afterEach(async () => e2e?.close());

test("an unlabelled event delivered after the item was labelled again leaves the item on the agenda", async () => {
  e2e = await startLiveIssueApp();
  const issues = e2e.as("RafaelGSS").rest.issues;
  const item = { owner: "nodejs", repo: "security-wg", issue_number: 1255 };

  // Unlabelled, then labelled again a minute later; the unlabelled event is delivered last.
  e2e.faults({ delayMs: 1_500 });
  e2e.clock.advance("PT1M");
  await issues.removeLabel({ ...item, name: LABEL });
  e2e.faults({ delayMs: 0 });
  e2e.clock.advance("PT1M");
  await issues.addLabels({ ...item, labels: [LABEL] });
  await e2e.settle();

  const issue = meetingIssue(e2e);
  expect(agendaItems(issue)).toContain("nodejs/security-wg#1255");
  // The stale fact is dropped, not kept for a day.
  expect(stateOf(issue)?.facts).toEqual([]);
});

// One hung GitHub response holds nothing up for long: the request fails after the app's request
// deadline (AGENDA_DRAFTER_REQUEST_TIMEOUT_MS, shortened here), the refresh runs again later, and
// the meeting's later refreshes go on.
import { jest } from "@jest/globals";
import { startE2E, type E2E } from "./harness.js";
import { agendaItems, meetingIssue, SNAPSHOT_FILE } from "./live-issue-app.js";
import { drafterProcess } from "./drafter-app.js";

const LABEL = "security-wg-agenda";
const REQUEST_TIMEOUT_MS = 2_000;
let e2e: E2E;
afterEach(async () => e2e?.close());

test("a hung write of the meeting issue fails after the request deadline, runs again, and later refreshes go on", async () => {
  const replica = drafterProcess({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
  e2e = await startE2E({ snapshotFile: SNAPSHOT_FILE, app: replica.app, idle: replica.drafter.settled });
  await e2e.settle();
  const warnings: string[] = [];
  jest.spyOn(e2e.probot.log, "warn").mockImplementation(((message: unknown) => void warnings.push(String(message))) as never);
  const rafael = e2e.as("RafaelGSS").rest.issues;

  e2e.failRequests({ route: "PATCH /repos/{owner}/{repo}/issues/{issue_number}", kind: "hang" });
  await rafael.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [LABEL] });
  await e2e.settle();

  expect(e2e.requestFaults()).toMatchObject([{ fired: 1 }]);
  expect(warnings).toContainEqual(
    expect.stringMatching(new RegExp(`^nodejs/security-wg security-wg: the refresh failed \\(no answer from GitHub to PATCH \\S+/issues/\\d+: GitHub did not answer within ${REQUEST_TIMEOUT_MS} ms\\); trying again in 60 s$`)),
  );
  expect(agendaItems(meetingIssue(e2e))).toContain("nodejs/node#52575");

  await rafael.addLabels({ owner: "nodejs", repo: "undici", issue_number: 3054, labels: [LABEL] });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toContain("nodejs/undici#3054");
});

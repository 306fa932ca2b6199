// The app's installation token comes from GitHub too (`POST /app/installations/{id}/access_tokens`),
// and its mint can fail like any request: the work it held up is done later, nothing is lost.
import { startE2E, type E2E } from "./harness.js";
import { agendaItems, meetingIssue, meetingIssues, SNAPSHOT_FILE } from "./live-issue-app.js";
import { drafterProcess, stepsDone } from "./drafter-app.js";
import { readFileSync } from "node:fs";

const MINT = "POST /app/installations/{installation_id}/access_tokens";
let e2e: E2E;
afterEach(async () => e2e?.close());

/** The fixture, with request faults in force from the sandbox's start. */
function snapshotWithFaults(faults: string): string {
  return `${readFileSync(SNAPSHOT_FILE, "utf8")}faults:\n${faults}`;
}

test("a token mint that fails once is retried by Probot: start-up goes on as usual", async () => {
  const replica = drafterProcess();
  e2e = await startE2E({ snapshot: snapshotWithFaults(`  - { route: "${MINT}", kind: server-error, status: 502 }\n`), app: replica.app, idle: replica.drafter.settled });
  await e2e.settle();

  expect(e2e.requestFaults()).toMatchObject([{ fired: 1 }]);
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);
});

test("while no token can be minted nothing is written; once one can, the tick does the work and the agenda has what was labelled meanwhile", async () => {
  const replica = drafterProcess();
  e2e = await startE2E({ snapshot: snapshotWithFaults(`  - { route: "${MINT}", kind: secondary-rate-limit, times: always }\n`), app: replica.app, idle: replica.drafter.settled });
  await e2e.settle();
  expect(meetingIssues(e2e)).toEqual([]);

  // A label given meanwhile: its webhook is answered before any API work, and its work then fails.
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: ["security-wg-agenda"] });
  await e2e.settle();
  expect(e2e.deliveries().at(-1)).toMatchObject({ event: "issues", action: "labeled", state: "answered" });
  const tick = await replica.drafter.tick();
  await e2e.settle();
  expect(stepsDone(tick)).toEqual([]);
  expect(meetingIssues(e2e)).toEqual([]);

  e2e.clearRequestFaults();
  e2e.clock.advance("PT5M");
  expect(stepsDone(await replica.drafter.tick())).toEqual(["create-issue 2024-03-28"]);
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);
});

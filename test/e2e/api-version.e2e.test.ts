// On a GitHub Enterprise Server release that serves only REST API version 2022-11-28, the app
// serves the meeting all the same: the first request of the newer version meets GHES's 400 and goes
// again with 2022-11-28, and every later one asks for that from the start.
import { snapshotWith, agendaItems, meetingIssue, startLiveIssueApp } from "./live-issue-app.js";
import type { E2E } from "./harness.js";

let e2e: E2E | undefined;
afterAll(async () => e2e?.close());

test("GitHub Enterprise Server 3.20: the meeting issue is created and follows the labels, with 2022-11-28", async () => {
  e2e = await startLiveIssueApp(snapshotWith((document) => Object.assign(document, { enterprise_version: "3.20.2" })));
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);

  const versions = new Set<string | undefined>();
  e2e.onApiRequest((request) => {
    if (request.caller === "installation") versions.add(request.apiVersion);
  });
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "undici", issue_number: 3054, labels: ["security-wg-agenda"] });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255", "nodejs/undici#3054"]);
  expect([...versions]).toEqual(["2022-11-28"]);
});

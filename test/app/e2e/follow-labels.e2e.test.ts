import { parseBody } from "../../../src/publish/issue-body.js";
import { startLiveApp, type LiveApp } from "./live-app.js";

let live: LiveApp;
afterEach(async () => live?.close());

async function meetingIssues(live: LiveApp) {
  const { data } = await live.as("mhdawson").rest.issues.listForRepo({ owner: "nodejs", repo: "security-wg", labels: "meeting", state: "all" });
  return data;
}

function agendaNumbers(body: string | null | undefined): string[] {
  return [...(parseBody(body).agenda ?? "").matchAll(/\[#(\d+)\]\(https:\/\/github\.com\/([^)]+)\/(?:issues|pull)\/\d+\)/g)].map(
    (match) => `${match[2]}#${match[1]}`,
  );
}

// Waits for the sandbox to implement what the app calls: GET /installation/repositories, the git
// refs and commits routes (the occurrence claim) and check runs. Unskip once `src/sandbox/routes`
// has them.
test.skip("on start-up the due occurrence gets its issue, and the issue follows labels in several repositories", async () => {
  live = await startLiveApp();
  await live.quiesce();
  let [issue] = await meetingIssues(live);
  expect(issue?.title).toBe("Node.js Security team Meeting 2024-03-28");
  expect(agendaNumbers(issue?.body)).toEqual(["nodejs/security-wg#1255"]);

  const rafael = live.as("mhdawson");
  await rafael.rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: ["security-wg-agenda"] });
  await rafael.rest.issues.addLabels({ owner: "nodejs", repo: "undici", issue_number: 3054, labels: ["security-wg-agenda"] });
  await rafael.rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52459, labels: ["security-wg-agenda"] });
  await live.quiesce();
  [issue] = await meetingIssues(live);
  expect(agendaNumbers(issue?.body)).toEqual(["nodejs/node#52575", "nodejs/node#52459", "nodejs/security-wg#1255", "nodejs/undici#3054"]);

  await rafael.rest.issues.removeLabel({ owner: "nodejs", repo: "node", issue_number: 52575, name: "security-wg-agenda" });
  await rafael.rest.issues.update({ owner: "nodejs", repo: "undici", issue_number: 3054, state: "closed" });
  await live.quiesce();
  const issues = await meetingIssues(live);
  expect(issues).toHaveLength(1);
  expect(agendaNumbers(issues[0]?.body)).toEqual(["nodejs/node#52459", "nodejs/security-wg#1255"]);
});

// The meeting issue follows the agenda labels as people add and remove them anywhere in the org.
import type { E2E } from "./harness.js";
import { agendaItems, agendaText, control, HOME, meetingIssue, meetingIssues, startLiveIssueApp, stateOf, writeLines } from "./live-issue-app.js";

const LABEL = "security-wg-agenda";
let e2e: E2E;
afterEach(async () => e2e?.close());

function label(login: string, repo: string, number: number) {
  return e2e.as(login).rest.issues.addLabels({ owner: "nodejs", repo, issue_number: number, labels: [LABEL] });
}
function unlabel(login: string, repo: string, number: number) {
  return e2e.as(login).rest.issues.removeLabel({ owner: "nodejs", repo, issue_number: number, name: LABEL });
}

test("people label and unlabel items in several repositories; the one meeting issue follows", async () => {
  e2e = await startLiveIssueApp();
  const appVersions = new Set<string | undefined>();
  e2e.sandbox.onRequest((request) => {
    if (request.actor.kind === "installation") appVersions.add(request.apiVersion);
  });
  const created = meetingIssue(e2e);
  expect(created.title).toBe("Node.js Security team Meeting 2024-03-28");
  expect(created.labels).toEqual(["meeting"]);
  expect(agendaItems(created)).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);

  await label("RafaelGSS", "node", 52575);
  await label("RafaelGSS", "undici", 3054);
  await label("RafaelGSS", "node", 52459);
  await unlabel("UlisesGascon", "nodejs-dependency-vuln-assessments", 178);
  await e2e.settle();
  expect(agendaText(meetingIssue(e2e))).toMatchInlineSnapshot(`
"*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues)

### nodejs/node

* Remove --experimental-policy [#52575](https://github.com/nodejs/node/issues/52575)

* tools: change inactive limit to 9 months [#52459](https://github.com/nodejs/node/pull/52459)

### nodejs/security-wg

* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)

### nodejs/undici

* fetch: handle a redirect to a data: URL [#3054](https://github.com/nodejs/undici/issues/3054)"
`);

  await unlabel("RafaelGSS", "node", 52575);
  await e2e.as("RafaelGSS").rest.issues.update({ owner: "nodejs", repo: "undici", issue_number: 3054, state: "closed" });
  await e2e.settle();
  const issue = meetingIssue(e2e);
  expect(issue.number).toBe(created.number);
  expect(agendaItems(issue)).toEqual(["nodejs/node#52459", "nodejs/security-wg#1255"]);
  expect(writeLines(e2e).filter((line) => line.startsWith("POST /repos/nodejs/security-wg/issues "))).toEqual([
    "POST /repos/nodejs/security-wg/issues 201",
  ]);
  // Every request the app made asked for the REST API version it is checked against.
  expect([...appVersions]).toEqual(["2026-03-10"]);
});

test("an item closed, reopened, retitled, transferred or deleted changes the agenda with it", async () => {
  e2e = await startLiveIssueApp();
  await label("RafaelGSS", "undici", 3054);
  await label("RafaelGSS", "node", 52575);
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual([
    "nodejs/node#52575",
    "nodejs/nodejs-dependency-vuln-assessments#178",
    "nodejs/security-wg#1255",
    "nodejs/undici#3054",
  ]);

  const rafael = e2e.as("RafaelGSS").rest.issues;
  await rafael.update({ owner: "nodejs", repo: "security-wg", issue_number: 1255, state: "closed" });
  await rafael.update({ owner: "nodejs", repo: "node", issue_number: 52575, title: "policy: remove --experimental-policy" });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/undici#3054"]);
  expect(agendaText(meetingIssue(e2e))).toContain("* policy: remove --experimental-policy [#52575](https://github.com/nodejs/node/issues/52575)");

  await rafael.update({ owner: "nodejs", repo: "security-wg", issue_number: 1255, state: "open" });
  // What a person does on GitHub's pages: undici's issue moves to node (which has the label too), the libuv review is deleted.
  const moved = (await control(e2e, "POST", "/repos/nodejs/undici/issues/3054/transfer", { to: "nodejs/node", sender: "mhdawson" })) as { number: number };
  await control(e2e, "DELETE", "/repos/nodejs/nodejs-dependency-vuln-assessments/issues/178", { sender: "mhdawson" });
  await e2e.settle();
  // The moved issue keeps its creation date: the newer one is listed first.
  expect(agendaItems(meetingIssue(e2e))).toEqual([`nodejs/node#${moved.number}`, "nodejs/node#52575", "nodejs/security-wg#1255"]);
  expect(meetingIssues(e2e)).toHaveLength(1);
});

test("a repository made private leaves the public home repo's issue, and comes back when made public", async () => {
  e2e = await startLiveIssueApp();
  const admin = e2e.as("mhdawson").rest;
  // Labelled while search still lags: only the webhook tells of it, and it must not leak either.
  e2e.searchLag(60 * 60 * 1000);
  await label("RafaelGSS", "security-advisories", 41);
  await unlabel("RafaelGSS", "security-advisories", 41);
  await label("RafaelGSS", "security-advisories", 41);
  await e2e.settle();
  e2e.searchLag(0);
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);

  await admin.repos.update({ owner: "nodejs", repo: "nodejs-dependency-vuln-assessments", private: true });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/security-wg#1255"]);
  expect(meetingIssue(e2e).body).not.toContain("CVE-2024-24806");

  await admin.repos.update({ owner: "nodejs", repo: "nodejs-dependency-vuln-assessments", private: false });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);
  expect(meetingIssue(e2e).body).not.toContain("llhttp");
});

test("while search lags, labelled items show at once, unlabelled ones go at once, and neither comes back when search catches up", async () => {
  e2e = await startLiveIssueApp();
  e2e.clock.advance("PT10M");
  e2e.searchLag(2 * 60 * 60 * 1000);
  await label("RafaelGSS", "node", 52575);
  await unlabel("RafaelGSS", "security-wg", 1255);
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178"]);
  expect(stateOf(meetingIssue(e2e))?.facts.map((fact) => `${fact.repo}#${fact.number} ${fact.present}`)).toEqual([
    "nodejs/node#52575 true",
    "nodejs/security-wg#1255 false",
  ]);

  // Another refresh while search still lags: a retitle of an item on the agenda.
  e2e.clock.advance("PT30M");
  await e2e.as("UlisesGascon").rest.issues.update({ owner: "nodejs", repo: "nodejs-dependency-vuln-assessments", issue_number: 178, title: "Review CVE-2024-24806 (libuv)" });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178"]);

  // Search catches up: the webhook facts are done with and the agenda stays as it is.
  e2e.clock.advance("PT3H");
  await e2e.as("UlisesGascon").rest.issues.update({ owner: "nodejs", repo: "nodejs-dependency-vuln-assessments", issue_number: 178, title: "Review CVE-2024-24806 in libuv" });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178"]);
  expect(stateOf(meetingIssue(e2e))?.facts).toEqual([]);
});

test("a burst of 50 label events writes the issue at most twice", async () => {
  e2e = await startLiveIssueApp();
  const before = e2e.appWrites().length;
  const items: [string, number][] = [
    ["node", 52575],
    ["node", 52459],
    ["node", 51971],
    ["undici", 3054],
    ["security-wg", 1263],
  ];
  // Five rounds of labelling five items and unlabelling them, then a last labelling: 55 events.
  for (let round = 0; round < 5; round++) {
    await Promise.all(items.map(([repo, number]) => label("RafaelGSS", repo, number)));
    await Promise.all(items.map(([repo, number]) => unlabel("RafaelGSS", repo, number)));
  }
  await Promise.all(items.map(([repo, number]) => label("RafaelGSS", repo, number)));
  await e2e.settle();

  const labelEvents = e2e.deliveries().filter((delivery) => delivery.action === "labeled" || delivery.action === "unlabeled");
  expect(labelEvents.length).toBeGreaterThanOrEqual(50);
  const issueWrites = writeLines(e2e, before).filter((line) => line.startsWith(`PATCH /repos/${HOME}/issues/`));
  expect(issueWrites.length).toBeGreaterThanOrEqual(1);
  expect(issueWrites.length).toBeLessThanOrEqual(2);
  expect(agendaItems(meetingIssue(e2e))).toEqual([
    "nodejs/node#52575",
    "nodejs/node#52459",
    "nodejs/node#51971",
    "nodejs/nodejs-dependency-vuln-assessments#178",
    "nodejs/security-wg#1263",
    "nodejs/security-wg#1255",
    "nodejs/undici#3054",
  ]);
});

test("redelivered, out-of-order and late webhooks do no harm", async () => {
  e2e = await startLiveIssueApp();
  const created = meetingIssue(e2e);

  e2e.faults({ duplicate: true });
  await label("RafaelGSS", "undici", 3054);
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toContain("nodejs/undici#3054");

  // Labelled, then unlabelled a minute later, while search lags; the webhooks arrive newest first.
  e2e.faults({ duplicate: false, reverseBatch: 2 });
  e2e.searchLag(60 * 60 * 1000);
  await label("RafaelGSS", "node", 52575);
  e2e.clock.advance("PT1M");
  await unlabel("RafaelGSS", "node", 52575);
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).not.toContain("nodejs/node#52575");

  // A late delivery of an old event: the libuv review was unlabelled, and the app hears of it last.
  e2e.faults({ reverseBatch: 0, delayMs: 300 });
  e2e.clock.advance("PT1M");
  await unlabel("UlisesGascon", "nodejs-dependency-vuln-assessments", 178);
  e2e.faults({ delayMs: 0 });
  e2e.clock.advance("PT1M");
  await label("RafaelGSS", "node", 52459);
  await e2e.settle();
  const issue = meetingIssue(e2e);
  expect(issue.number).toBe(created.number);
  expect(agendaItems(issue)).toEqual(["nodejs/node#52459", "nodejs/security-wg#1255", "nodejs/undici#3054"]);
  expect(e2e.deliveries().every((delivery) => delivery.state === "answered")).toBe(true);
});

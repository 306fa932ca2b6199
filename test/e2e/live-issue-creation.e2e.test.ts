// Exactly one meeting issue per occurrence: adopted when the old cron tool made it, created once by
// two app processes, not at all on a dry run; and a broken config is reported where people look.
import { parseBody } from "../../src/publish/issue-body.js";
import type { E2E } from "./harness.js";
import { agendaDrafterApp, agendaItems, HOME, meetingIssue, snapshotWith, startLiveIssueApp, writeLines, type SnapshotDocument } from "./live-issue-app.js";

const LABEL = "security-wg-agenda";
const TITLE = "Node.js Security team Meeting 2024-03-28";
const CONFIG_PATH = ".github/agenda-drafter.yml";
let e2e: E2E;
afterEach(async () => e2e?.close());

function homeRepo(snapshot: SnapshotDocument) {
  const repo = snapshot.orgs.nodejs.repos["security-wg"];
  if (!repo) throw new Error("the snapshot has no nodejs/security-wg");
  return repo;
}

test("an open issue the cron tool made for the occurrence is adopted, its text kept", async () => {
  const cronBody = "## Time\n\n**UTC Thu 28-Mar-2024 16:00**\n\n## Agenda\n\nExtracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.\n\n* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)\n\n## Invited\n\n* Security team: @nodejs/security-wg\n";
  e2e = await startLiveIssueApp(
    snapshotWith((snapshot) => {
      homeRepo(snapshot).issues.push({ number: 1264, title: TITLE, labels: ["meeting"], author: "mhdawson", body: cronBody, created_at: "2024-03-25T16:00:04Z" });
    }),
  );
  const adopted = meetingIssue(e2e);
  expect(adopted.number).toBe(1264);
  expect(e2e.issues(HOME).filter((issue) => issue.title === TITLE)).toHaveLength(1);
  expect(adopted.body).toContain(cronBody.trimEnd());
  expect(parseBody(adopted.body).marker).toEqual({ v: 1, meeting: "security-wg", occurrence: "2024-03-28" });
  expect(agendaItems(adopted)).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);
  expect(writeLines(e2e).filter((line) => line.includes("/issues"))).toEqual([`PATCH /repos/${HOME}/issues/1264 200`]);
});

test("two app processes create one issue", async () => {
  // Ten minutes before the issue is due (three days before the meeting): neither process creates it at start-up.
  e2e = await startLiveIssueApp(snapshotWith((snapshot) => void (snapshot.now = "2024-03-25T15:50:00Z")));
  const another = agendaDrafterApp();
  await e2e.startAnotherApp(another.app, another.idle);
  await e2e.settle();
  expect(e2e.issues(HOME).filter((issue) => issue.title === TITLE)).toEqual([]);

  // Two labels at once: the load balancer hands one webhook to each process, and both refresh.
  e2e.clock.advance("PT15M");
  await Promise.all([
    e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [LABEL] }),
    e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "undici", issue_number: 3054, labels: [LABEL] }),
  ]);
  await e2e.settle();

  const issue = meetingIssue(e2e);
  expect(e2e.issues(HOME).filter((candidate) => candidate.title === TITLE)).toEqual([issue]);
  expect(agendaItems(issue)).toEqual(["nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255", "nodejs/undici#3054"]);
  const writes = writeLines(e2e);
  expect(writes.filter((line) => line.startsWith(`POST /repos/${HOME}/issues `))).toEqual([`POST /repos/${HOME}/issues 201`]);
  // Both processes went for the claim; the ref let one through.
  expect(writes.filter((line) => line.startsWith(`POST /repos/${HOME}/git/refs `))).toEqual([`POST /repos/${HOME}/git/refs 201`, `POST /repos/${HOME}/git/refs 422`]);
});

test("a dry run writes nothing", async () => {
  e2e = await startLiveIssueApp(
    snapshotWith((snapshot) => {
      const files = homeRepo(snapshot).files ?? {};
      files[CONFIG_PATH] = (files[CONFIG_PATH] ?? "").replace("    timezones: [UTC]\n", "    timezones: [UTC]\n    dry_run: true\n");
    }),
  );
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [LABEL] });
  await e2e.as("RafaelGSS").rest.issues.removeLabel({ owner: "nodejs", repo: "security-wg", issue_number: 1255, name: LABEL });
  await e2e.settle();
  expect(e2e.appWrites()).toEqual([]);
  expect(e2e.issues(HOME).map((issue) => issue.number)).toEqual([1236, 1255, 1263]);
});

test("a pull request that breaks the config gets a failing check naming the key", async () => {
  e2e = await startLiveIssueApp();
  const michael = e2e.as("mhdawson").rest;
  const repo = { owner: "nodejs", repo: "security-wg" };
  const { data: main } = await michael.git.getRef({ ...repo, ref: "heads/main" });
  await michael.git.createRef({ ...repo, ref: "refs/heads/agenda-label-typo", sha: main.object.sha });
  const { data: current } = await michael.repos.getContent({ ...repo, path: CONFIG_PATH });
  const broken = (e2e.file(HOME, CONFIG_PATH) ?? "").replace("agenda_labels:", "agenda_label:");
  await michael.repos.createOrUpdateFileContents({
    ...repo,
    path: CONFIG_PATH,
    branch: "agenda-label-typo",
    message: "Security WG: agenda label",
    content: Buffer.from(broken).toString("base64"),
    sha: (current as { sha: string }).sha,
  });
  const { data: pull } = await michael.pulls.create({ ...repo, title: "Security WG: agenda label", head: "agenda-label-typo", base: "main" });
  await e2e.settle();

  const { data: checks } = await michael.checks.listForRef({ ...repo, ref: pull.head.sha });
  const failing = checks.check_runs.filter((run) => run.conclusion === "failure");
  expect(failing.length).toBeGreaterThanOrEqual(1);
  const [check] = failing;
  // The sandbox does not answer GET .../check-runs/{id}/annotations: the annotations are read from its state.
  const annotations = e2e.sandbox.state.repos.get("nodejs/security-wg")?.checkRuns.find((run) => run.id === check?.id)?.output.annotations;
  expect({ name: check?.name, title: check?.output.title, summary: check?.output.summary, annotations }).toMatchInlineSnapshot(`
{
  "annotations": [
    {
      "annotation_level": "failure",
      "end_line": 4,
      "message": "unknown key; did you mean \`agenda_labels\`?",
      "path": ".github/agenda-drafter.yml",
      "start_line": 4,
      "title": "meetings.security-wg.agenda_label",
    },
  ],
  "name": "agenda-drafter config",
  "summary": "Problems:

- .github/agenda-drafter.yml:4:5: meetings.security-wg.agenda_label: unknown key; did you mean \`agenda_labels\`?

No meeting is usable.",
  "title": "1 problem in the meeting config",
}
`);
  // The meeting on the default branch keeps working.
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);
});

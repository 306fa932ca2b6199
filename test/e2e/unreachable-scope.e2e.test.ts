// A repository in `scope.repos` that does not exist, or that the app is not installed on, is a
// config problem told in the home repo's config check; the rest of the scope is still searched
// and the meeting issue is created from it.
import type { E2E } from "./harness.js";
import { agendaItems, HOME, meetingIssue, snapshotWith, startLiveIssueApp } from "./live-issue-app.js";

const CONFIG_PATH = ".github/agenda-drafter.yml";
let e2e: E2E;
afterEach(async () => e2e?.close());

/** The fixture's meeting with a scope of repositories, one a typo and one private in an org the app is not installed on. */
function snapshot(): string {
  return snapshotWith((document) => {
    const files = document.orgs.nodejs.repos["security-wg"]!.files!;
    files[CONFIG_PATH] = files[CONFIG_PATH]!.replace(
      "agenda_labels: [security-wg-agenda]",
      "agenda_labels: [security-wg-agenda]\n    scope:\n      repos:\n        - nodejs/nodejs-dependency-vuln-assessments\n        - nodejs/nodejs-dependncy-vuln-assessments\n        - nodejs/security-wg\n        - libuv/private-notes",
    );
    (document.orgs as Record<string, unknown>)["libuv"] = {
      repos: { "private-notes": { private: true, issues: [{ number: 1, title: "Notes", labels: ["security-wg-agenda"], author: "RafaelGSS" }] } },
    };
  });
}

test("the meeting issue is created from the rest of the scope, and the config check names each repository it could not search", async () => {
  e2e = await startLiveIssueApp(snapshot());
  const issue = meetingIssue(e2e);
  expect(agendaItems(issue)).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);

  const checks = e2e.sandbox.state.repos.get(HOME)?.checkRuns.filter((run) => run.name === "agenda-drafter config") ?? [];
  // Once, though the issue was both created and refreshed.
  expect(checks).toHaveLength(1);
  const [check] = checks;
  expect({ conclusion: check?.conclusion, title: check?.output.title, annotations: check?.output.annotations }).toMatchInlineSnapshot(`
{
  "annotations": [
    {
      "annotation_level": "failure",
      "end_line": 8,
      "message": "\`nodejs/nodejs-dependncy-vuln-assessments\` does not exist or the app is not installed on it; its items are left out, the rest of the scope is searched",
      "path": ".github/agenda-drafter.yml",
      "start_line": 8,
      "title": "meetings.security-wg.scope.repos[1]",
    },
    {
      "annotation_level": "failure",
      "end_line": 10,
      "message": "\`libuv/private-notes\` does not exist or the app is not installed on it; its items are left out, the rest of the scope is searched",
      "path": ".github/agenda-drafter.yml",
      "start_line": 10,
      "title": "meetings.security-wg.scope.repos[3]",
    },
  ],
  "conclusion": "failure",
  "title": "2 problems in the meeting config",
}
`);
  expect(check?.output.summary).toContain(
    ".github/agenda-drafter.yml:8:11: meetings.security-wg.scope.repos[1]: `nodejs/nodejs-dependncy-vuln-assessments` does not exist or the app is not installed on it; its items are left out, the rest of the scope is searched",
  );
});

test("a later refresh does not report them again", async () => {
  e2e = await startLiveIssueApp(snapshot());
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1263, labels: ["security-wg-agenda"] });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toContain("nodejs/security-wg#1263");
  expect(e2e.sandbox.state.repos.get(HOME)?.checkRuns.filter((run) => run.name === "agenda-drafter config")).toHaveLength(1);
});

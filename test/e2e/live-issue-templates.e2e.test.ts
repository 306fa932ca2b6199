// A meeting's own template that grows without end (inline partials calling each other) is stopped
// and reported where people look, and the other meetings of the same process refresh on time.
import { parseBody } from "../../src/publish/issue-body.js";
import type { IssueRecord } from "@agenda-drafter/github-sandbox";
import { startE2E, type E2E } from "./harness.js";
import { agendaDrafterApp, HOME, snapshotWith } from "./live-issue-app.js";

const CONFIG_PATH = ".github/agenda-drafter.yml";
const SLOW_TEMPLATE = ".github/agenda-drafter/slow-issue.md.hbs";

/** Inline partials `p0`…`p24`, each calling the one below it twice: 168 million characters, unbounded. */
const DOUBLING = [
  `{{#*inline "p0"}}0123456789{{/inline}}`,
  ...Array.from({ length: 24 }, (_, level) => `{{#*inline "p${level + 1}"}}{{> p${level}}}{{> p${level}}}{{/inline}}`),
  "{{> p24}}",
  "{{> agenda}}",
].join("\n");

// Two meetings in the home repo, both due: the security team's with the default templates, and
// another whose issue template never ends.
const SNAPSHOT = snapshotWith((snapshot) => {
  const files = snapshot.orgs.nodejs.repos["security-wg"]?.files;
  if (!files) throw new Error("the snapshot has no nodejs/security-wg files");
  files[CONFIG_PATH] = `${files[CONFIG_PATH]}  slow-wg:
    name: Slow working group
    schedule: { timezone: UTC, start: "2024-03-28T18:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
    templates: { issue: ${SLOW_TEMPLATE} }
    minutes: { path: "meetings/slow-wg/{{date}}.md" }
`;
  files[SLOW_TEMPLATE] = DOUBLING;
});

let e2e: E2E;
afterEach(async () => e2e?.close());

function issueOf(meeting: string): IssueRecord | undefined {
  return e2e.issues(HOME).find((issue) => parseBody(issue.body).marker?.meeting === meeting);
}

test("a bounded template failure is reported in the config check and the other meetings of the process still refresh", async () => {
  const drafter = agendaDrafterApp();
  e2e = await startE2E({ snapshot: SNAPSHOT, app: drafter.app, idle: drafter.idle });
  // The security team's issue is created as it would be without the other meeting: rendered in
  // the process, that template would hold it up for half a minute and half a gigabyte.
  while (!issueOf("security-wg")) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(issueOf("security-wg")).toBeDefined();
  await e2e.settle();
  expect(issueOf("slow-wg")).toBeUndefined();

  // A push that changes the template gets the config check, which renders it once, bounded.
  const mhdawson = e2e.as("mhdawson").rest;
  const repo = { owner: "nodejs", repo: "security-wg" };
  const { data: current } = await mhdawson.repos.getContent({ ...repo, path: SLOW_TEMPLATE });
  const { data: commit } = await mhdawson.repos.createOrUpdateFileContents({
    ...repo,
    path: SLOW_TEMPLATE,
    message: "Slow WG: issue template",
    content: Buffer.from(`# Slow WG\n${DOUBLING}`).toString("base64"),
    sha: (current as { sha: string }).sha,
  });
  const configCheck = () => e2e.sandbox.state.repos.get(HOME)?.checkRuns.find((run) => run.headSha === commit.commit.sha && run.name === "agenda-drafter config");
  await e2e.settle();
  expect(configCheck()).toBeDefined();
  const { data: checks } = await mhdawson.checks.listForRef({ ...repo, ref: commit.commit.sha ?? "" });
  const check = checks.check_runs.find((run) => run.name === "agenda-drafter config");
  expect({ conclusion: check?.conclusion, title: check?.output.title }).toEqual({ conclusion: "failure", title: "1 problem in the meeting config" });
  expect(check?.output.summary).toContain(`- ${SLOW_TEMPLATE}: `);
  expect(check?.output.summary).toMatch(/took longer than 2 s to render and was stopped|needs more than 64 MB to render|renders more than 1,000,000 characters/);
});

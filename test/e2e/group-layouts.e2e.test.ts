// A meeting laid out by its config alone: its sections, where labelled items and standing items
// go, how links are labelled and how people present are listed, from the live issue to the
// minutes pull request.
import { parseBody } from "../../src/publish/issue-body.js";
import { HOME, meetingIssue, snapshotWith } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

const CONFIG_PATH = ".github/agenda-drafter.yml";
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";

const CONFIG = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
    standing_items:
      - { title: Vulnerability Review, url: "https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues" }
      - { title: Security release status, section: Announcements }
    links: { notes: "https://hackmd.io/@nodejs/security-wg", calendar: "https://nodejs.org/calendar" }
    link_labels: { notes: Minutes HackMD, calendar: Node.js Project Calendar }
    layout:
      sections:
        - { heading: Agenda }
        - { heading: Announcements, level: 3 }
        - { heading: Security releases, level: 3, labels: [security-release] }
        - { heading: Items, level: 3, agenda: true }
        - { heading: Strategic Initiatives }
      present: { style: name_login, roles: [{ role: voting member, logins: [RafaelGSS] }] }
`;

const SNAPSHOT = snapshotWith((snapshot) => {
  const repos = snapshot.orgs.nodejs.repos;
  const files = repos["security-wg"]?.files;
  if (!files) throw new Error("the snapshot has no nodejs/security-wg files");
  files[CONFIG_PATH] = CONFIG;
});

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

const headings = (markdown: string) => markdown.split("\n").filter((line) => /^#{2,6} /.test(line));

test("sections from config: labelled items and standing items under their headings in the issue and in the minutes", async () => {
  stage = await startDrafter(SNAPSHOT);
  const { e2e } = stage;
  const rafael = e2e.as("RafaelGSS").rest;
  await rafael.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: ["security-wg-agenda", "security-release"] });
  await e2e.settle();

  const agenda = parseBody(meetingIssue(e2e).body).agenda ?? "";
  expect(headings(agenda)).toEqual([
    "### Announcements",
    "### Security releases",
    "### Items",
    "### nodejs/nodejs-dependency-vuln-assessments",
    "### nodejs/security-wg",
  ]);
  expect(agenda).toContain("### Announcements\n\n- [ ] Security release status\n");
  expect(agenda).toContain("### Security releases\n\n* Remove --experimental-policy [#52575](https://github.com/nodejs/node/issues/52575) (nodejs/node)\n");

  await rafael.issues.createComment({ ...{ owner: "nodejs", repo: "security-wg" }, issue_number: meetingIssue(e2e).number, body: "/present @RafaelGSS @mhdawson" });
  await e2e.settle();
  e2e.clock.set("2024-03-28T16:30:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["open-minutes 2024-03-28"]);

  const minutes = e2e.file(HOME, "meetings/2024-03-28.md", MINUTES_BRANCH) ?? "";
  expect(headings(minutes)).toEqual([
    "## Links",
    "## Present",
    "## Agenda",
    "### Announcements",
    "### Security releases",
    "### Items",
    "### nodejs/nodejs-dependency-vuln-assessments",
    "### nodejs/security-wg",
    "## Strategic Initiatives",
    "## Upcoming Meetings",
  ]);
  expect(minutes).toContain("* **Minutes HackMD**: <https://hackmd.io/@nodejs/security-wg>\n");
  expect(minutes).toContain("* Rafael Gonzaga @\u200BRafaelGSS (voting member)\n* Michael Dawson @\u200Bmhdawson\n");
  expect(minutes).toContain("### Security releases\n\n* Remove --experimental-policy [#52575](https://github.com/nodejs/node/issues/52575) (nodejs/node)\n");
  expect(minutes).toContain("### Items\n\n*Extracted from **security-wg-agenda**");
  expect(minutes).toContain("* **Node.js Project Calendar**: <https://nodejs.org/calendar>");
});

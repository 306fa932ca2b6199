// Labelled discussions as agenda items (`sources.discussions`): found by discussion search on the
// sandbox (queries checked against GitHub's GraphQL schema), through the visibility rule, kept
// live by discussion webhooks.
import { parseBody } from "../../src/publish/issue-body.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

const HOME = "nodejs/security-wg";
const CONFIG_PATH = ".github/agenda-drafter.yml";
const CONFIG = `meetings:
  security-wg:
    name: Node.js Security team
    sources:
      discussions: { categories: [Ideas] }
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY" }
`;

const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
orgs:
  nodejs:
    owners: [mhdawson]
    repos:
      security-wg:
        labels: { security-wg-agenda: {} }
        files:
          ${CONFIG_PATH}: |
${CONFIG.replace(/^/gm, "            ")}
        issues:
          - { number: 1, title: "A labelled issue", labels: [security-wg-agenda], author: mhdawson }
        discussions:
          - { number: 2, title: "Threat model, ask @nodejs/tsc about #1", category: Ideas, labels: [security-wg-agenda], author: mhdawson }
          - { number: 3, title: "Another category", category: General, labels: [security-wg-agenda], author: mhdawson }
          - { number: 4, title: "Not labelled", category: Ideas, author: mhdawson }
      embargo:
        private: true
        labels: { security-wg-agenda: {} }
        discussions:
          - { number: 1, title: "Embargoed report", category: Ideas, labels: [security-wg-agenda], author: mhdawson }
`;

let stage: DrafterStage;
beforeAll(async () => {
  stage = await startDrafter(SNAPSHOT);
});
afterAll(async () => stage?.e2e.close());

function agendaText(): string {
  const issue = stage.e2e.issues(HOME).find((candidate) => parseBody(candidate.body).marker?.meeting === "security-wg");
  if (!issue) throw new Error(`no meeting issue in ${HOME}`);
  return parseBody(stage.e2e.issue(HOME, issue.number).body).agenda ?? "";
}

function agendaItems(): string[] {
  return [...agendaText().matchAll(/\]\(https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull|discussions)\/(\d+)\)/g)].map((match) => `${match[1]}#${match[2]}`).sort();
}

test("a labelled discussion of the categories is on the agenda beside the issues; a private repo's discussion stays out of a public home", () => {
  expect(agendaItems()).toEqual(["nodejs/security-wg#1", "nodejs/security-wg#2"]);
  const text = agendaText();
  expect(text).toContain("labelled issues, pull requests and discussions (discussions of **Ideas** only)");
  expect(text).toContain("Threat model, ask @\u200Bnodejs/tsc about #\u200B1");
  expect(text).not.toMatch(/Embargoed|embargo/);
});

test("unlabelling the discussion takes it off the agenda through its webhook", async () => {
  const response = await fetch(`${stage.e2e.url}/_sandbox/repos/nodejs/security-wg/discussions/2`, {
    method: "PATCH",
    body: JSON.stringify({ sender: "mhdawson", removeLabels: ["security-wg-agenda"] }),
  });
  expect(response.ok).toBe(true);
  await stage.e2e.settle();
  expect(agendaItems()).toEqual(["nodejs/security-wg#1"]);
  expect(stage.e2e.deliveries().some((delivery) => delivery.event === "discussion" && delivery.payload["action"] === "unlabeled")).toBe(true);
});

test("an installation without the Discussions permission still drafts the agenda of issues, and says discussions could not be read", async () => {
  const withoutPermission = await startDrafter(
    `${SNAPSHOT}installations:\n  - { account: nodejs, permissions: { issues: write, pull_requests: write, contents: write, checks: write, metadata: read, members: read } }\n`,
  );
  try {
    const issue = withoutPermission.e2e.issues(HOME).find((candidate) => parseBody(candidate.body).marker?.meeting === "security-wg");
    const text = parseBody(issue?.body).agenda ?? "";
    expect(text).toContain("A labelled issue");
    expect(text).not.toContain("Threat model");
    expect(text).toContain("Discussions are not listed: GitHub refused to search them, as the app lacks the Discussions permission");
  } finally {
    await withoutPermission.e2e.close();
  }
});

test("a discussion on the agenda when the meeting starts is in the frozen agenda and in the minutes", async () => {
  const meeting = await startDrafter(SNAPSHOT);
  try {
    meeting.e2e.clock.set("2024-03-28T16:30:00Z");
    expect(stepsDone(await meeting.tick())).toEqual(["freeze-agenda 2024-03-28"]);
    meeting.e2e.clock.set("2024-03-28T17:00:00Z");
    expect(stepsDone(await meeting.tick())).toEqual(["open-minutes 2024-03-28"]);
    const minutes = meeting.e2e.file(HOME, "meetings/2024-03-28.md", "agenda-drafter/security-wg/2024-03-28") ?? "";
    expect(minutes).toContain("A labelled issue");
    expect(minutes).toContain("(https://github.com/nodejs/security-wg/discussions/2)");
  } finally {
    await meeting.e2e.close();
  }
});

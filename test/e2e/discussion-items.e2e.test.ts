// Labelled discussions as agenda items (`sources.discussions`): found by discussion search on the
// sandbox (queries checked against GitHub's GraphQL schema), through the visibility rule, kept
// live by discussion webhooks.
import { parseBody } from "../../src/publish/issue-body.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

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
          - { number: 5, title: "An unlabelled issue", author: mhdawson }
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
    const page = await (await fetch(`${withoutPermission.e2e.appUrl}/agenda-drafter/nodejs/security-wg/`)).text();
    expect(page).toContain("A labelled issue");
    expect(page).toContain("Discussions are not listed: GitHub refused to search them, as the app lacks the Discussions permission.");
    // A number that is no issue is looked for as a discussion, which GitHub refuses: the answer is the one for a missing item.
    const replies = await commentOnMeeting(withoutPermission, "mhdawson", "/agenda add nodejs/security-wg#999");
    expect(replies.join("\n")).toContain("Nothing changed: nodejs/security-wg#999 does not exist.");
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

/** Comments on the meeting issue as `login`, lets the app answer, and returns its replies. */
async function commentOnMeeting(on: DrafterStage, login: string, body: string): Promise<string[]> {
  const issue = on.e2e.issues(HOME).find((candidate) => parseBody(candidate.body).marker?.meeting === "security-wg");
  if (!issue) throw new Error(`no meeting issue in ${HOME}`);
  const before = on.e2e.comments(HOME, issue.number).length;
  await on.e2e.as(login).rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: issue.number, body });
  await on.e2e.settle();
  return on.e2e.comments(HOME, issue.number).slice(before).filter((reply) => reply.author === "agenda-drafter[bot]").map((reply) => visibleText(reply.body));
}

test("/agenda add with a discussion's URL labels it through GraphQL and puts it on the agenda; /agenda remove by owner/repo#N takes it off", async () => {
  const added = await commentOnMeeting(stage, "mhdawson", "/agenda add https://github.com/nodejs/security-wg/discussions/4");
  expect(added.join("\n")).toContain("Added to the agenda:\n- nodejs/security-wg#4: Not labelled");
  expect(agendaItems()).toEqual(["nodejs/security-wg#1", "nodejs/security-wg#4"]);
  const labelled = stage.e2e.deliveries().filter((delivery) => delivery.event === "discussion" && delivery.payload["action"] === "labeled");
  expect(labelled.map((delivery) => (delivery.payload["discussion"] as { number: number }).number)).toEqual([4]);

  // No issue or pull request has the number 4: it is looked up as a discussion.
  const removed = await commentOnMeeting(stage, "mhdawson", "/agenda remove nodejs/security-wg#4");
  expect(removed.join("\n")).toContain("Removed from the agenda:\n- nodejs/security-wg#4: Not labelled");
  expect(agendaItems()).toEqual(["nodejs/security-wg#1"]);
});

test("a discussion of another category than the meeting's is refused, and nothing is labelled", async () => {
  const deliveriesBefore = stage.e2e.deliveries().length;
  const refused = await commentOnMeeting(stage, "mhdawson", "/agenda add https://github.com/nodejs/security-wg/discussions/3");
  expect(refused.join("\n")).toContain("nodejs/security-wg#3 is a discussion of the category General; this meeting takes discussions of Ideas only.");
  expect(stage.e2e.deliveries().slice(deliveriesBefore).filter((delivery) => delivery.event === "discussion")).toEqual([]);
});

test("a meeting without sources.discussions refuses a discussion and says it takes none", async () => {
  const withoutDiscussions = await startDrafter(SNAPSHOT.replace(/^ *sources:\n *discussions: .*\n/m, ""));
  try {
    const refused = await commentOnMeeting(withoutDiscussions, "mhdawson", "/agenda add https://github.com/nodejs/security-wg/discussions/4");
    const takesNone = "nodejs/security-wg#4 is a discussion, and this meeting does not take discussions (its config has no `sources.discussions`).";
    expect(refused.join("\n")).toContain(takesNone);
    const proposed = await commentOnMeeting(withoutDiscussions, "mhdawson", "/agenda propose https://github.com/nodejs/security-wg/discussions/4 Worth an hour");
    expect(proposed.join("\n")).toContain(`Nothing changed: ${takesNone}`);
    const declined = await commentOnMeeting(withoutDiscussions, "mhdawson", "/agenda decline https://github.com/nodejs/security-wg/discussions/4");
    expect(declined.join("\n")).toContain(`Nothing changed: ${takesNone}`);
  } finally {
    await withoutDiscussions.e2e.close();
  }
});

test("an installation that still holds only discussions: read is told to have an owner accept the app's updated permissions", async () => {
  const readOnly = await startDrafter(
    `${SNAPSHOT}installations:\n  - { account: nodejs, permissions: { issues: write, pull_requests: write, contents: write, checks: write, metadata: read, members: read, discussions: read } }\n`,
  );
  try {
    const refusal =
      "Nothing changed: the app may not label discussions in nodejs/security-wg: labelling takes the Discussions permission, write, which the app asks for and its installation on nodejs has not been granted. An owner of nodejs accepts the app's updated permissions";
    const added = await commentOnMeeting(readOnly, "mhdawson", "/agenda add https://github.com/nodejs/security-wg/discussions/4");
    expect(added.join("\n")).toContain(refusal);
    const removed = await commentOnMeeting(readOnly, "mhdawson", "/agenda remove https://github.com/nodejs/security-wg/discussions/2");
    expect(removed.join("\n")).toContain(refusal);
    expect(readOnly.e2e.deliveries().filter((delivery) => delivery.event === "discussion")).toEqual([]);

    // An issue named beside the discussion is labelled all the same, and the reply says so.
    const both = await commentOnMeeting(readOnly, "mhdawson", "/agenda add #5 https://github.com/nodejs/security-wg/discussions/4");
    expect(both.join("\n")).toContain(
      "Added to the agenda:\n- nodejs/security-wg#5: An unlabelled issue\n\nNot added:\n- nodejs/security-wg#4: the app may not label discussions in nodejs/security-wg: labelling takes the Discussions permission, write",
    );
    expect(readOnly.e2e.issue(HOME, 5).labels).toEqual(["security-wg-agenda"]);
    const meetingIssue = readOnly.e2e.issues(HOME).find((candidate) => parseBody(candidate.body).marker?.meeting === "security-wg");
    expect(parseBody(meetingIssue?.body).agenda).toContain("An unlabelled issue");
  } finally {
    await readOnly.e2e.close();
  }
});

test("/agenda propose takes a discussion by its URL and lists it under Proposed; /agenda decline by its URL takes it off", async () => {
  const proposed = await commentOnMeeting(stage, "mhdawson", "/agenda propose https://github.com/nodejs/security-wg/discussions/4 Worth an hour");
  expect(proposed.join("\n")).toContain("Proposed for the agenda:\n- nodejs/security-wg#4: Not labelled");
  expect(agendaText()).toMatch(/### Proposed\n\n\* Not labelled \[#4\]\(https:\/\/github\.com\/nodejs\/security-wg\/discussions\/4\)/);
  expect(agendaItems()).toEqual(["nodejs/security-wg#1", "nodejs/security-wg#4"]);

  const declined = await commentOnMeeting(stage, "mhdawson", "/agenda decline https://github.com/nodejs/security-wg/discussions/4 Not this week");
  expect(declined.join("\n")).toContain("your proposal of Not labelled (nodejs/security-wg#4) is declined for this meeting");
  expect(agendaText()).not.toContain("### Proposed");
  expect(agendaItems()).toEqual(["nodejs/security-wg#1"]);
});

/** Changes a discussion's labels as `mhdawson` on the sandbox, which sends its `discussion` webhooks, and lets the app answer. */
async function relabel(number: number, change: { addLabels?: string[]; removeLabels?: string[] }): Promise<void> {
  const response = await fetch(`${stage.e2e.url}/_sandbox/repos/nodejs/security-wg/discussions/${number}`, {
    method: "PATCH",
    body: JSON.stringify({ sender: "mhdawson", ...change }),
  });
  expect(response.ok).toBe(true);
  await stage.e2e.settle();
}

test("while search lags, a labelled discussion shows at once and an unlabelled one goes at once; one of another category stays out", async () => {
  await relabel(2, { addLabels: ["security-wg-agenda"] });
  expect(agendaItems()).toEqual(["nodejs/security-wg#1", "nodejs/security-wg#2"]);
  stage.e2e.searchLag(2 * 60 * 60 * 1000);
  try {
    await relabel(2, { removeLabels: ["security-wg-agenda"] });
    await relabel(4, { addLabels: ["security-wg-agenda"] });
    await relabel(3, { removeLabels: ["security-wg-agenda"] });
    await relabel(3, { addLabels: ["security-wg-agenda"] });
    expect(agendaItems()).toEqual(["nodejs/security-wg#1", "nodejs/security-wg#4"]);
  } finally {
    stage.e2e.searchLag(0);
  }
});

// A Projects (v2) board as a meeting's agenda (`sources.project`), as CNCF's TOC runs its agenda:
// the board's open issues and pull requests whose Status is Agenda, through the visibility rule;
// kept live by projects_v2_item webhooks; the config checked against the board; and `preview`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IssueRecord, ProjectRecord } from "@agenda-drafter/github-sandbox";
import { main } from "../../src/cli.js";
import { parseBody } from "../../src/publish/issue-body.js";
import type { Output } from "../../src/cli/output.js";
import { startDrafter, type DrafterStage } from "./drafter-app.js";
import { testSeal } from "../fixtures/state-signer.js";
import { visibleText } from "../fixtures/visible-text.js";

const HOME = "cncf/toc";
const REPO = { owner: "cncf", repo: "toc" };
const CONFIG_PATH = ".github/agenda-drafter.yml";
const CONFIG = `meetings:
  toc:
    name: CNCF TOC
    sources:
      project: { owner: cncf, number: 27, field: Status, value: Agenda }
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY" }
  staff:
    name: CNCF staff
    sources:
      project: { owner: cncf, number: 3, field: Status, value: Agenda }
    schedule: { timezone: UTC, start: "2024-03-28T18:00", rrule: "FREQ=WEEKLY" }
    minutes: { path: "meetings/staff/{{date}}.md" }
`;

const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
orgs:
  cncf:
    owners: [amye]
    members: [amye, kgamanji]
    repos:
      toc:
        labels: { toc-agenda: {} }
        files:
          ${CONFIG_PATH}: |
${CONFIG.replace(/^/gm, "            ")}
        issues:
          - { number: 1, title: "Project review: Flux, ask @cncf/toc about #2", author: kgamanji }
          - { number: 2, title: "Sandbox onboarding", pull_request: true, author: amye }
          - { number: 3, title: "A closed review", state: closed, author: amye }
          - { number: 4, title: "Labelled, not on the board", labels: [toc-agenda], author: amye }
          - { number: 5, title: "A backlog item", author: amye }
      private-notes:
        private: true
        issues:
          - { number: 7, title: "Embargoed security review", author: amye }
    projects:
      - number: 27
        title: TOC agenda
        public: true
        fields:
          - { name: Status, options: [Backlog, Agenda, Done] }
        items:
          - { content: "toc#1", fields: { Status: Agenda } }
          - { content: "toc#2", fields: { Status: Agenda } }
          - { content: "toc#3", fields: { Status: Agenda } }
          - { content: "toc#5", fields: { Status: Backlog } }
          - { content: "private-notes#7", fields: { Status: Agenda } }
          - { content: "other/elsewhere#9", fields: { Status: Agenda } }
          - { draft: "Draft: annual review", fields: { Status: Agenda } }
      - number: 3
        title: Staff board
        fields:
          - { name: Status, options: [Agenda] }
        items:
          - { content: "toc#5", fields: { Status: Agenda } }
  other:
    repos:
      elsewhere:
        issues:
          - { number: 9, title: "Another org's item", author: amye }
`;

let stage: DrafterStage;
beforeAll(async () => {
  stage = await startDrafter(SNAPSHOT);
});
afterAll(async () => stage?.e2e.close());

function meetingIssue(meeting: string): IssueRecord {
  const issue = stage.e2e.issues(HOME).find((candidate) => parseBody(candidate.body).marker?.meeting === meeting);
  if (!issue) throw new Error(`no meeting issue of ${meeting} in ${HOME}`);
  return stage.e2e.issue(HOME, issue.number);
}

function agendaItems(meeting: string): string[] {
  const agenda = parseBody(meetingIssue(meeting).body).agenda ?? "";
  return [...agenda.matchAll(/\]\(https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)\)/g)].map((match) => `${match[1]}#${match[2]}`).sort();
}

function board(number: number): ProjectRecord {
  const project = stage.e2e.sandbox.state.projects?.find((candidate) => candidate.number === number);
  if (!project) throw new Error(`no project ${number}`);
  return project;
}

function itemId(content: string): number {
  const [repo, number] = content.split("#");
  const item = board(27).items.find((candidate) => candidate.content.kind === "issue" ? `${candidate.content.repo}#${candidate.content.number}` === `${repo}#${number}` : candidate.content.title === content);
  if (!item) throw new Error(`no item ${content}`);
  return item.id;
}

async function onBoard(method: "POST" | "PATCH" | "DELETE", path: string, body: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(`${stage.e2e.url}/_sandbox/projects/cncf/27/items${path}`, { method, body: JSON.stringify({ sender: "amye", ...body }) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  await stage.e2e.settle();
}

test("the agenda is the board's open issues and pull requests whose Status is Agenda: no label, closed, backlog, draft, private or other org's item", () => {
  expect(agendaItems("toc")).toEqual(["cncf/toc#1", "cncf/toc#2"]);
  const body = meetingIssue("toc").body ?? "";
  expect(body).toContain("*Extracted from the issues and pull requests whose **Status** is **Agenda** on project 27 of **cncf**, from the **cncf org**, prior to the meeting.*");
  expect(body).toContain("[See these items on GitHub](https://github.com/orgs/cncf/projects/27)");
  // A title from the board pings nobody and references nothing, as a labelled item's.
  expect(body).toContain("Project review: Flux, ask @\u200Bcncf/toc about #\u200B2");
  expect(body).not.toMatch(/Embargoed|private-notes|annual review|elsewhere/);
});

test("items set to Agenda, archived, restored, converted from a draft and removed change the agenda through projects_v2_item webhooks", async () => {
  await onBoard("PATCH", `/${itemId("cncf/toc#5")}`, { fields: { Status: "Agenda" } });
  expect(agendaItems("toc")).toEqual(["cncf/toc#1", "cncf/toc#2", "cncf/toc#5"]);
  await onBoard("PATCH", `/${itemId("cncf/toc#2")}`, { archived: true });
  expect(agendaItems("toc")).toEqual(["cncf/toc#1", "cncf/toc#5"]);
  await onBoard("PATCH", `/${itemId("cncf/toc#2")}`, { archived: false });
  expect(agendaItems("toc")).toEqual(["cncf/toc#1", "cncf/toc#2", "cncf/toc#5"]);
  const draft = itemId("Draft: annual review");
  await onBoard("PATCH", `/${draft}`, { convertTo: "cncf/toc" });
  const converted = board(27).items.find((item) => item.id === draft)?.content;
  const issue = converted?.kind === "issue" ? `${converted.repo}#${converted.number}` : "not converted";
  expect(agendaItems("toc")).toEqual(["cncf/toc#1", "cncf/toc#2", "cncf/toc#5", issue]);
  await onBoard("DELETE", `/${itemId("cncf/toc#1")}`);
  expect(agendaItems("toc")).toEqual(["cncf/toc#2", "cncf/toc#5", issue]);
  const events = stage.e2e.deliveries().filter((delivery) => delivery.event === "projects_v2_item").map((delivery) => String(delivery.payload["action"]));
  expect(events).toEqual(["edited", "archived", "restored", "converted", "deleted"]);
});

test("a change no webhook told of (a lost delivery) reaches the agenda with the next tick", async () => {
  const item = board(27).items.find((candidate) => candidate.id === itemId("cncf/toc#5"));
  item?.values.set("status", "Done");
  await stage.tick();
  expect(agendaItems("toc")).not.toContain("cncf/toc#5");
  expect(agendaItems("toc")).toContain("cncf/toc#2");
});

test("a private board feeds no public home repo's issue, and the config check says so where the board is named", () => {
  expect(agendaItems("staff")).toEqual([]);
  const check = stage.e2e.sandbox.state.repos.get(HOME)?.checkRuns.find((run) => run.name === "agenda-drafter config");
  expect(check?.output.annotations.map(({ start_line, message }) => ({ start_line, message }))).toEqual([
    { start_line: 10, message: expect.stringContaining("project 3 of `cncf` is private and this repository is public") },
  ]);
});

test("/agenda add on a board's meeting labels nothing and says where the agenda is kept", async () => {
  const issue = meetingIssue("toc");
  await stage.e2e.as("amye").rest.issues.createComment({ ...REPO, issue_number: issue.number, body: "/agenda add #5" });
  await stage.e2e.settle();
  const reply = stage.e2e.comments(HOME, issue.number).at(-1)?.body ?? "";
  expect(reply).toContain("Nothing changed: this meeting's agenda is project 27 of **cncf**: add the item there, or change its **Status** (**Agenda** puts it on the agenda); labels do not change it.");
  expect(stage.e2e.issue(HOME, 5).labels).toEqual([]);
});

test("a proposed item set to Agenda on the board moves from Proposed to the agenda, and its proposer is told once", async () => {
  const issue = meetingIssue("toc");
  const notices = () =>
    stage.e2e
      .comments(HOME, issue.number)
      .filter((posted) => posted.author === "agenda-drafter[bot]" && posted.body.includes("your proposal of"))
      .map((posted) => visibleText(posted.body));
  await stage.e2e.as("kgamanji").rest.issues.createComment({ ...REPO, issue_number: issue.number, body: "/agenda propose #5" });
  await stage.e2e.settle();
  expect(parseBody(meetingIssue("toc").body).agenda).toContain("proposed by @\u200Bkgamanji");

  await onBoard("PATCH", `/${itemId("cncf/toc#5")}`, { fields: { Status: "Agenda" } });
  expect(notices()).toEqual(["@kgamanji: your proposal of A backlog item (cncf/toc#5) is on the agenda: it was set on the meeting's project board."]);
  expect(agendaItems("toc")).toContain("cncf/toc#5");
  expect(parseBody(meetingIssue("toc").body).agenda).not.toContain("### Proposed");
  expect(parseBody(meetingIssue("toc").body, testSeal(issue.number, HOME)).state?.proposals).toEqual([expect.objectContaining({ number: 5, decided: expect.objectContaining({ outcome: "added", via: "board" }) })]);
  await stage.tick();
  expect(notices()).toHaveLength(1);
});

test("the agenda frozen at the start goes into the minutes, linking the board", async () => {
  const shown = agendaItems("toc");
  stage.e2e.clock.set("2024-03-28T17:05:00Z");
  await stage.tick();
  const minutes = stage.e2e.file(HOME, "meetings/2024-03-28.md", "agenda-drafter/toc/2024-03-28") ?? "";
  expect(minutes).toContain("[See these items on GitHub](https://github.com/orgs/cncf/projects/27)");
  for (const item of shown) expect(minutes).toContain(`/${item.replace("#", "/").replace(/\/(\d+)$/, "")}`);
  expect(minutes).toContain("Sandbox onboarding [#2](https://github.com/cncf/toc/pull/2)");
  expect(minutes).not.toContain("label%3A");
});

test("a push naming a field that does not exist, or a value that is not an option, fails the config check at that key", async () => {
  const amye = stage.e2e.as("amye").rest;
  const { data: current } = await amye.repos.getContent({ ...REPO, path: CONFIG_PATH });
  const config = CONFIG.replace("number: 27, field: Status, value: Agenda", "number: 27, field: Status, value: Agenda items").replace("number: 3, field: Status", "number: 3, field: Stage");
  const { data: commit } = await amye.repos.createOrUpdateFileContents({
    ...REPO,
    path: CONFIG_PATH,
    message: "TOC: agenda column",
    content: Buffer.from(config).toString("base64"),
    sha: (current as { sha: string }).sha,
  });
  await stage.e2e.settle();
  const check = stage.e2e.sandbox.state.repos.get(HOME)?.checkRuns.find((run) => run.headSha === commit.commit.sha && run.name === "agenda-drafter config");
  expect(check?.conclusion).toBe("failure");
  expect(check?.output.annotations.map(({ start_line, message }) => `${start_line}: ${message}`)).toEqual([
    "5: `Agenda items` is not an option of `Status` (`Backlog`, `Agenda`, `Done`)",
    "10: project 3 of `cncf` has no field `Stage`",
  ]);
});

describe("preview", () => {
  const folder = mkdtempSync(join(tmpdir(), "project-source-"));
  const snapshotFile = join(folder, "cncf.yml");
  writeFileSync(snapshotFile, SNAPSHOT);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function run(...argv: string[]) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const output: Output = { print: (text) => stdout.push(text), log: (text) => stderr.push(text) };
    return { code: await main(argv, output), stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  }

  test("drafts the agenda from the board, and names the problem of a board it cannot read", async () => {
    const toc = await run("preview", "--sandbox", snapshotFile, "--repo", HOME, "--meeting", "toc", "--json");
    expect(toc.stderr).toBe("Drafted toc 2024-03-28 from 2 search request(s); 2 item(s).");
    expect(toc.code).toBe(0);
    expect((JSON.parse(toc.stdout) as { agenda: { repo: string; number: number }[] }).agenda.map((item) => `${item.repo}#${item.number}`).sort()).toEqual(["cncf/toc#1", "cncf/toc#2"]);
    writeFileSync(snapshotFile, SNAPSHOT.replace("number: 27, field", "number: 99, field"));
    const missing = await run("preview", "--sandbox", snapshotFile, "--repo", HOME, "--meeting", "toc");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(".github/agenda-drafter.yml:5:");
    expect(missing.stderr).toContain("meetings.toc.sources.project.number: `cncf` has no project 99, or the token cannot read it");
  });
});

import { Sandbox } from "@agenda-drafter/github-sandbox";
import { loadRepoConfig } from "../../src/config/load-config.js";
import { formatProblem } from "../../src/config/problem.js";
import { projectSourceProblems } from "../../src/operations/steps/project-source-problems.js";

// `sources.project` checked against the board through GraphQL, each problem at its key's line.

const MEETINGS = [
  ["ok", "{ owner: cncf, number: 27, field: status, value: agenda }"],
  ["text", "{ owner: cncf, number: 27, field: Notes, value: anything }"],
  ["no-owner", "{ owner: nobody-at-all, number: 27, field: Status, value: Agenda }"],
  ["no-board", "{ owner: cncf, number: 28, field: Status, value: Agenda }"],
  ["no-field", "{ owner: cncf, number: 27, field: Stage, value: Agenda }"],
  ["number-field", "{ owner: cncf, number: 27, field: Points, value: \"3\" }"],
  ["no-option", "{ owner: cncf, number: 27, field: Status, value: Someday }"],
  ["private-board", "{ owner: cncf, number: 3, field: Status, value: Agenda }"],
];
const CONFIG = `meetings:\n${MEETINGS.map(([id, source]) => `  ${id}:\n    sources: { project: ${source} }\n    name: Test\n    schedule: { timezone: UTC, start: "2024-03-28T16:00" }\n    minutes: { path: "meetings/${id}/{{date}}.md" }\n`).join("")}`;

const SNAPSHOT = `
orgs:
  cncf:
    owners: [amye]
    repos:
      toc:
        files:
          .github/agenda-drafter.yml: ${JSON.stringify(CONFIG)}
    projects:
      - number: 27
        title: TOC
        public: true
        fields:
          - { name: Status, options: [Backlog, Agenda] }
          - { name: Notes, type: text }
          - { name: Points, type: number }
      - { number: 3, title: Staff, fields: [{ name: Status, options: [Agenda] }] }
`;

test("each problem of a board, its field and its value, at its key's line", async () => {
  const octokit = Sandbox.fromSnapshot(SNAPSHOT).octokit();
  const loaded = await loadRepoConfig(octokit, { owner: "cncf", repo: "toc" });
  if (!loaded) throw new Error("no config");
  expect(loaded.problems).toEqual([]);
  const problems = await projectSourceProblems(octokit, loaded, async () => false);
  expect(problems.map(formatProblem)).toEqual([
    ".github/agenda-drafter.yml:13:34: meetings.no-owner.sources.project.owner: `nobody-at-all` is not a GitHub organization or user",
    ".github/agenda-drafter.yml:18:48: meetings.no-board.sources.project.number: `cncf` has no project 28, or the app may not read it (it needs the Projects permission on the organization, read)",
    ".github/agenda-drafter.yml:23:59: meetings.no-field.sources.project.field: project 27 of `cncf` has no field `Stage`",
    ".github/agenda-drafter.yml:28:59: meetings.number-field.sources.project.field: `Points` is a number field; the agenda's field must be a single-select or text field",
    ".github/agenda-drafter.yml:33:74: meetings.no-option.sources.project.value: `Someday` is not an option of `Status` (`Backlog`, `Agenda`)",
    ".github/agenda-drafter.yml:38:48: meetings.private-board.sources.project.number: project 3 of `cncf` is private and this repository is public: its items are not shown (make the board public, or the home repository private)",
  ]);
  expect(await projectSourceProblems(octokit, { ...loaded, meetings: loaded.meetings.filter((meeting) => meeting.id === "private-board") }, async () => true)).toEqual([]);
});

import { Sandbox } from "@agenda-drafter/github-sandbox";
import { collectAgendaItems } from "../../src/collect/collect-agenda-items.js";
import type { ProjectSource } from "../../src/model.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

/** A meeting of `home` whose agenda is the board. */
function boardMeeting(home: string, project: ProjectSource) {
  const [owner = "", repo = ""] = home.split("/");
  return securityWgMeeting({ home: { owner, repo }, scope: { orgs: [owner], repos: [] }, includePrivate: [], sources: { project } });
}

// The board as the agenda, read through GraphQL from the sandbox: the items whose field has the
// value, open, of repositories the meeting may show; a private board only for a private home repo.

const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
orgs:
  cncf:
    owners: [amye]
    repos:
      toc:
        issues:
          - { number: 1, title: "On the agenda", author: amye }
          - { number: 2, title: "A pull request on the agenda", pull_request: true, draft: true, author: amye }
          - { number: 3, title: "Closed", state: closed, author: amye }
          - { number: 4, title: "Done", author: amye }
          - { number: 5, title: "Archived", author: amye }
      staff:
        private: true
        issues:
          - { number: 8, title: "Staff only", author: amye }
    projects:
      - number: 27
        title: TOC
        public: true
        fields:
          - { name: Status, options: [Agenda, Done] }
          - { name: Topic, type: text }
        items:
          - { content: "toc#1", fields: { Status: Agenda, Topic: reviews } }
          - { content: "toc#2", fields: { Status: Agenda } }
          - { content: "toc#3", fields: { Status: Agenda } }
          - { content: "toc#4", fields: { Status: Done } }
          - { content: "toc#5", fields: { Status: Agenda }, archived: true }
          - { content: "staff#8", fields: { Status: Agenda } }
          - { draft: "A draft", fields: { Status: Agenda } }
      - number: 3
        title: Staff
        fields:
          - { name: Status, options: [Agenda] }
        items:
          - { content: "staff#8", fields: { Status: Agenda } }
          - { content: "toc#1", fields: { Status: Agenda } }
`;

const sandbox = Sandbox.fromSnapshot(SNAPSHOT);
const keys = (items: { repo: string; number: number }[]) => items.map((item) => `${item.repo}#${item.number}`).sort();

test("the board's open issues and pull requests whose single-select field is the value, without case", async () => {
  const meeting = boardMeeting("cncf/toc", { owner: "cncf", number: 27, field: "status", value: "agenda" });
  const collected = await collectAgendaItems(sandbox.octokit(), meeting);
  expect(keys(collected.items)).toEqual(["cncf/toc#1", "cncf/toc#2"]);
  expect(collected.items.find((item) => item.number === 2)).toMatchObject({ kind: "pull_request", draft: true, title: "A pull request on the agenda" });
  expect(collected.searchUrls).toEqual(["https://github.com/orgs/cncf/projects/27"]);
  expect(collected.project).toEqual({ found: true, privateBoard: false });
});

test("a text field matches its exact text", async () => {
  const meeting = boardMeeting("cncf/toc", { owner: "cncf", number: 27, field: "Topic", value: "Reviews" });
  expect(keys((await collectAgendaItems(sandbox.octokit(), meeting)).items)).toEqual(["cncf/toc#1"]);
});

test("a private board feeds a private home repo, and its private items only where include_private allows", async () => {
  const source = { owner: "cncf", number: 3, field: "Status", value: "Agenda" };
  const publicHome = await collectAgendaItems(sandbox.octokit(), boardMeeting("cncf/toc", source));
  expect(publicHome).toMatchObject({ items: [], searchUrls: [], project: { found: true, privateBoard: true } });
  const privateHome = await collectAgendaItems(sandbox.octokit(), boardMeeting("cncf/staff", source));
  expect(keys(privateHome.items)).toEqual(["cncf/staff#8", "cncf/toc#1"]);
});

test("a board that does not exist: no items, and it says so", async () => {
  const collected = await collectAgendaItems(sandbox.octokit(), boardMeeting("cncf/toc", { owner: "cncf", number: 99, field: "Status", value: "Agenda" }));
  expect(collected).toMatchObject({ items: [], searchUrls: [], project: { found: false, privateBoard: false } });
});

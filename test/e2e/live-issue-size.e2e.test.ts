// However many items are labelled, the meeting issue stays within GitHub's 65,536 characters: the
// longest lists lose their oldest items, and the agenda says how many are not shown and links the
// search that lists them all. The sandbox refuses a longer body with 422, as GitHub does.
import type { IssueRecord } from "@agenda-drafter/github-sandbox";
import type { E2E } from "./harness.js";
import { agendaItems, agendaText, HOME, meetingIssue, snapshotWith, startLiveIssueApp, stateOf, writeLines } from "./live-issue-app.js";
import { startDrafter, stepsDone } from "./drafter-app.js";

const LABEL = "security-wg-agenda";
const MAX_BODY = 65_536;
const SEARCH_URL = "https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues";
// 1,500 labelled items: 900 in node, 500 in undici, 100 in the home repo. Search returns the newest 1,000.
const COUNTS = { node: 900, undici: 500, "security-wg": 100 } as const;
const REPOS = ["security-wg", "node", "undici", "nodejs-dependency-vuln-assessments"];

let e2e: E2E;
afterEach(async () => e2e?.close());

/** The snapshot with COUNTS items per repository, labelled or not, created a minute apart, the repositories interleaved. */
function manyItems(labelled: boolean): string {
  return snapshotWith((snapshot) => {
    Object.entries(COUNTS).forEach(([repo, count], repoIndex) => {
      const issues = snapshot.orgs.nodejs.repos[repo]?.issues;
      if (!issues) throw new Error(`the snapshot has no nodejs/${repo}`);
      for (let index = 0; index < count; index++) {
        const number = 20_000 + index;
        const createdAt = new Date(Date.UTC(2023, 0, 1) + (index * 3 + repoIndex) * 60_000);
        issues.push({
          number,
          title: `Item ${number} of ${repo}: a topic the working group should discuss at length`,
          ...(labelled && { labels: [LABEL] }),
          author: "RafaelGSS",
          created_at: createdAt.toISOString().replace(/\.000Z$/, "Z"),
        });
      }
    });
  });
}

/** What search returns, per repository, newest first: the 1,000 newest labelled open items. */
function searchResults(): Map<string, number[]> {
  const labelled = REPOS.flatMap((repo) =>
    e2e.issues(`nodejs/${repo}`).filter((issue) => issue.state === "open" && issue.labels.includes(LABEL)).map((issue) => ({ repo, issue })),
  );
  labelled.sort((a, b) => b.issue.createdAt.localeCompare(a.issue.createdAt));
  const perRepo = new Map<string, number[]>();
  for (const { repo, issue } of labelled.slice(0, 1_000)) perRepo.set(repo, [...(perRepo.get(repo) ?? []), issue.number]);
  for (const numbers of perRepo.values()) numbers.sort((a, b) => b - a);
  return perRepo;
}

function expectFittedAgenda(issue: IssueRecord): void {
  const body = issue.body ?? "";
  expect(body.length).toBeLessThanOrEqual(MAX_BODY);
  const shown = agendaItems(issue);
  // Search returned 1,000 of the 1,500; the agenda says how many of those it leaves out, and links the search.
  const hidden = 1_000 - shown.length;
  expect(hidden).toBeGreaterThan(0);
  const agenda = agendaText(issue);
  expect(agenda).toContain(`*Not shown here, to stay within GitHub's 65,536 characters: ${hidden} more labelled items, the oldest of the longest lists. [See all items on GitHub](${SEARCH_URL}).*`);
  // …and that search's cap cut the list.
  expect(agenda).toContain(`*GitHub search returns at most 1,000 items per search, and more are labelled: this agenda lacks the rest. [See them on GitHub](${SEARCH_URL}).*`);
  // The longest lists lost items first, down to one length; each group kept its newest items.
  const returned = searchResults();
  const shownOf = (repo: string) => shown.filter((key) => key.startsWith(`nodejs/${repo}#`)).map((key) => Number(key.split("#")[1]));
  const cut = REPOS.filter((repo) => shownOf(repo).length < (returned.get(repo) ?? []).length);
  expect(cut.length).toBeGreaterThan(0);
  const level = Math.max(...cut.map((repo) => shownOf(repo).length));
  for (const repo of REPOS) {
    const all = returned.get(repo) ?? [];
    const kept = shownOf(repo);
    expect(kept).toEqual(all.slice(0, kept.length));
    if (cut.includes(repo)) expect(kept.length).toBeGreaterThanOrEqual(level - 1);
    else expect(all.length).toBeLessThanOrEqual(level);
  }
  // The state records the items the agenda shows.
  expect(stateOf(issue)?.agendaItems).toEqual(shown);
}

test("a 1,500-item agenda creates a meeting issue within GitHub's limit that says how many items are not shown and links the search", async () => {
  e2e = await startLiveIssueApp(manyItems(true));
  const issue = meetingIssue(e2e);
  expectFittedAgenda(issue);
  expect(writeLines(e2e).filter((line) => line.startsWith(`POST /repos/${HOME}/issues `))).toEqual([`POST /repos/${HOME}/issues 201`]);
});

test("the freeze of a 1,500-item agenda keeps the body within GitHub's limit; its copy says how many items it leaves out, and so do the minutes", async () => {
  const stage = await startDrafter(manyItems(true));
  e2e = stage.e2e;
  const shown = agendaItems(meetingIssue(e2e));
  const calls: string[] = [];
  e2e.onApiRequest((request) => void (request.caller === "installation" && calls.push(`${request.method} ${request.path}`)));
  e2e.clock.set("2024-03-28T16:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  // The agenda as written is read back 100 items a GraphQL query, not one REST read an item.
  const itemReads = calls.filter((call) => /^GET \/repos\/nodejs\/[^/]+\/issues\/\d+$/.test(call) && !call.endsWith(`/security-wg/issues/${meetingIssue(e2e).number}`));
  expect(itemReads).toEqual([]);
  expect(calls.length).toBeLessThanOrEqual(Math.ceil(shown.length / 100) + 15);
  const issue = meetingIssue(e2e);
  expect((issue.body ?? "").length).toBeLessThanOrEqual(MAX_BODY);
  const frozen = stateOf(issue)?.frozen;
  const kept = (frozen?.groups ?? []).reduce((count, group) => count + group.items.length, 0);
  expect(kept).toBeGreaterThan(0);
  expect(frozen?.hiddenItems).toBe(shown.length - kept);
  // The agenda block the freeze leaves as the app last wrote it.
  expect(agendaItems(issue)).toEqual(shown);

  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["open-minutes 2024-03-28"]);
  const minutes = e2e.file(HOME, "meetings/2024-03-28.md", "agenda-drafter/security-wg/2024-03-28") ?? "";
  expect(minutes).toMatch(/Not shown here, to stay within GitHub's 65,536 characters: \d+ more labelled items/);
}, 90_000);

test("an existing meeting issue is updated the same way when its agenda grows past the limit", async () => {
  e2e = await startLiveIssueApp(manyItems(false));
  const before = meetingIssue(e2e);
  expect(agendaItems(before)).toHaveLength(2);
  // People label the 1,500 items (straight in the sandbox's state: no webhook), then one more by the API.
  for (const [repo, count] of Object.entries(COUNTS)) {
    for (let number = 20_000; number < 20_000 + count; number++) e2e.issue(`nodejs/${repo}`, number).labels = [LABEL];
  }
  const from = e2e.appWrites().length;
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [LABEL] });
  await e2e.settle();

  const after = meetingIssue(e2e);
  expect(after.number).toBe(before.number);
  expectFittedAgenda(after);
  expect(writeLines(e2e, from)).toEqual([`PATCH /repos/${HOME}/issues/${before.number} 200`]);
});

test("the sandbox refuses an issue body over 65,536 characters and a title over 256, as GitHub does", async () => {
  e2e = await startLiveIssueApp();
  const rest = e2e.as("mhdawson").rest;
  await expect(rest.issues.create({ owner: "nodejs", repo: "security-wg", title: "Long", body: "x".repeat(MAX_BODY + 1) })).rejects.toMatchObject({ status: 422 });
  await expect(rest.issues.create({ owner: "nodejs", repo: "security-wg", title: "x".repeat(257) })).rejects.toMatchObject({ status: 422 });
  const { data } = await rest.issues.create({ owner: "nodejs", repo: "security-wg", title: "x".repeat(256), body: "x".repeat(MAX_BODY) });
  await expect(rest.issues.update({ owner: "nodejs", repo: "security-wg", issue_number: data.number, body: "x".repeat(MAX_BODY + 1) })).rejects.toMatchObject({ status: 422 });
});

test("a body too long even with no agenda item (people's own text) is left as it is, and a failing check says so", async () => {
  e2e = await startLiveIssueApp();
  const issue = meetingIssue(e2e);
  // A person replaces the body with notes nearly as long as GitHub allows, the app's parts with it.
  const notes = `Our notes.\n\n${"x".repeat(MAX_BODY - 100)}`;
  await e2e.as("mhdawson").rest.issues.update({ owner: "nodejs", repo: "security-wg", issue_number: issue.number, body: notes });
  await e2e.settle();
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [LABEL] });
  await e2e.settle();

  expect(e2e.issue(HOME, issue.number).body).toBe(notes);
  const check = e2e.sandbox.state.repos.get(HOME)?.checkRuns.find((run) => run.name === "agenda-drafter issue");
  expect(check?.conclusion).toBe("failure");
  expect(check?.output.summary).toMatch(/would be \d+ characters with no agenda item at all, more than GitHub's 65536; shorten the issue text\.$/);
});

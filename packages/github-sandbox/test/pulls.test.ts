import type { SandboxEvent } from "../src/events.js";
import { Sandbox } from "../src/sandbox.js";
import { answerWebPage } from "../src/web/web-pages.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

const repo = { owner: "nodejs", repo: "security-wg" };
const BRANCH = "agenda-drafter/minutes-2024-03-28";
let sandbox: Sandbox;
let app: ReturnType<Sandbox["octokit"]>;
let events: string[];

beforeEach(() => {
  sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  sandbox.clock.set(new Date("2024-03-28T17:00:00Z"));
  app = sandbox.octokit();
  events = [];
  sandbox.onEvent((event: SandboxEvent) => {
    if (event.name === "push") events.push(`push ${event.ref}`);
    else if (event.name === "create" || event.name === "delete") events.push(`${event.name} ${event.ref}`);
    else events.push(`${event.name}.${"action" in event ? event.action : ""}${"label" in event ? ` ${event.label.name}` : ""}`);
  });
});

async function refusal(promise: Promise<unknown>): Promise<[number, unknown]> {
  return promise.then(
    () => [200, undefined],
    (error: { status: number; response?: { data?: { message?: string; errors?: unknown } } }) => [error.status, error.response?.data?.errors ?? error.response?.data?.message],
  );
}

/** The minutes branch with one commit adding the minutes file, as the app prepares it. */
async function minutesBranch(text = "# Node.js Security Team Meeting 2024-03-28\n"): Promise<void> {
  const { data: main } = await app.rest.git.getRef({ ...repo, ref: "heads/main" });
  await app.rest.git.createRef({ ...repo, ref: `refs/heads/${BRANCH}`, sha: main.object.sha });
  await app.rest.repos.createOrUpdateFileContents({ ...repo, branch: BRANCH, path: "meetings/2024-03-28.md", message: "Minutes of 2024-03-28", content: Buffer.from(text).toString("base64") });
}

test("opens, lists, edits, labels and merges the minutes pull request", async () => {
  await minutesBranch();
  events.length = 0;
  const { data: opened } = await app.rest.pulls.create({ ...repo, title: "Minutes of 2024-03-28", head: BRANCH, base: "main", body: "Fixes #1260" });
  expect(opened).toMatchObject({
    number: 1301,
    state: "open",
    head: { ref: BRANCH, label: `nodejs:${BRANCH}` },
    base: { ref: "main" },
    commits: 1,
    additions: 1,
    changed_files: 1,
    mergeable: true,
    merged: false,
    user: { login: "agenda-drafter[bot]" },
  });
  expect(await refusal(app.rest.pulls.create({ ...repo, title: "Again", head: `nodejs:${BRANCH}`, base: "main" }))).toEqual([
    422,
    [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for nodejs:${BRANCH}.` }],
  ]);

  const { data: listed } = await app.rest.pulls.list({ ...repo, head: `nodejs:${BRANCH}`, state: "open" });
  expect(listed.map((pull) => pull.number)).toEqual([1301]);
  expect((await app.rest.pulls.list({ ...repo, base: "gh-pages" })).data).toEqual([]);
  const { data: files } = await app.rest.pulls.listFiles({ ...repo, pull_number: 1301 });
  expect(files.map((file) => `${file.status} ${file.filename}`)).toEqual(["added meetings/2024-03-28.md"]);

  await app.rest.pulls.update({ ...repo, pull_number: 1301, title: "Minutes: 2024-03-28" });
  await app.rest.issues.addLabels({ ...repo, issue_number: 1301, labels: ["security-wg-agenda"] });
  const { data: head } = await app.rest.repos.getContent({ ...repo, path: "meetings/2024-03-28.md", ref: BRANCH });
  await app.rest.repos.createOrUpdateFileContents({
    ...repo,
    branch: BRANCH,
    path: "meetings/2024-03-28.md",
    message: "Attendees",
    sha: (head as { sha: string }).sha,
    content: Buffer.from("# Minutes\n\n## Present\n").toString("base64"),
  });
  const { data: merged } = await sandbox.octokit("user:UlisesGascon").rest.pulls.merge({ ...repo, pull_number: 1301, merge_method: "squash" });
  expect(merged).toMatchObject({ merged: true, message: "Pull Request successfully merged" });

  const { data: after } = await app.rest.pulls.get({ ...repo, pull_number: 1301 });
  expect(after).toMatchObject({ state: "closed", merged: true, merged_by: { login: "UlisesGascon" }, merge_commit_sha: merged.sha });
  const { data: commit } = await app.rest.repos.getCommit({ ...repo, ref: "main" });
  expect(commit.commit.message).toBe("Minutes: 2024-03-28 (#1301)\n\n* Minutes of 2024-03-28\n\n* Attendees");
  expect((await app.rest.git.getRef({ ...repo, ref: `heads/${BRANCH}` })).data.object.sha).not.toBe(merged.sha);
  expect(events).toEqual([
    "pull_request.opened",
    "pull_request.edited",
    "pull_request.labeled security-wg-agenda",
    `push refs/heads/${BRANCH}`,
    "pull_request.synchronize",
    "push refs/heads/main",
    "pull_request.closed",
  ]);
});

test("a merge commit keeps both sides; changes to the same file on both sides do not merge", async () => {
  await minutesBranch();
  await app.rest.pulls.create({ ...repo, title: "Minutes", head: BRANCH, base: "main" });
  await app.rest.repos.createOrUpdateFileContents({ ...repo, path: "NOTES.md", message: "Notes", content: Buffer.from("notes\n").toString("base64") });
  const { data: merged } = await app.rest.pulls.merge({ ...repo, pull_number: 1301 });
  const { data: commit } = await app.rest.git.getCommit({ ...repo, commit_sha: merged.sha });
  expect(commit.parents).toHaveLength(2);
  expect(commit.message).toBe(`Merge pull request #1301 from nodejs/${BRANCH}\n\nMinutes`);
  expect(await refusal(app.rest.pulls.merge({ ...repo, pull_number: 1301 }))).toEqual([405, "Pull Request is not mergeable"]);

  await app.rest.git.createRef({ ...repo, ref: "refs/heads/other", sha: merged.sha });
  await app.rest.repos.createOrUpdateFileContents({ ...repo, branch: "other", path: "NOTES.md", message: "Theirs", content: Buffer.from("theirs\n").toString("base64"), sha: await blobSha("NOTES.md", "other") });
  await app.rest.repos.createOrUpdateFileContents({ ...repo, path: "NOTES.md", message: "Ours", content: Buffer.from("ours\n").toString("base64"), sha: await blobSha("NOTES.md", "main") });
  const { data: conflicting } = await app.rest.pulls.create({ ...repo, title: "Conflict", head: "other", base: "main" });
  expect(conflicting).toMatchObject({ mergeable: false, mergeable_state: "dirty" });
  expect(await refusal(app.rest.pulls.merge({ ...repo, pull_number: conflicting.number }))).toEqual([405, "Pull Request is not mergeable"]);
});

test("refuses a pull request without commits or with an unknown branch, as GitHub does", async () => {
  const { data: main } = await app.rest.git.getRef({ ...repo, ref: "heads/main" });
  await app.rest.git.createRef({ ...repo, ref: "refs/heads/empty", sha: main.object.sha });
  expect(await refusal(app.rest.pulls.create({ ...repo, title: "Nothing", head: "empty", base: "main" }))).toEqual([
    422,
    [{ resource: "PullRequest", code: "custom", message: "No commits between main and empty" }],
  ]);
  expect(await refusal(app.rest.pulls.create({ ...repo, title: "Nowhere", head: "missing", base: "main" }))).toEqual([422, [{ resource: "PullRequest", field: "head", code: "invalid" }]]);
  expect(await refusal(app.rest.pulls.create({ ...repo, head: "empty", base: "main" } as never))).toEqual([422, [{ resource: "PullRequest", field: "title", code: "missing_field" }]]);
});

test("closing and reopening a pull request sends closed and reopened", async () => {
  await minutesBranch();
  await app.rest.pulls.create({ ...repo, title: "Minutes", head: BRANCH, base: "main" });
  events.length = 0;
  await app.rest.pulls.update({ ...repo, pull_number: 1301, state: "closed" });
  await app.rest.pulls.update({ ...repo, pull_number: 1301, state: "open" });
  expect(events).toEqual(["pull_request.closed", "pull_request.reopened"]);
});

async function blobSha(path: string, ref: string): Promise<string> {
  const { data } = await app.rest.repos.getContent({ ...repo, path, ref });
  return (data as { sha: string }).sha;
}

test("a pull request whose label has no description is listed with a null description, as GitHub lists it", async () => {
  // node's tsc-agenda label is declared without a description, and #52459 is a pull request carrying it.
  const { data } = await app.rest.pulls.list({ owner: "nodejs", repo: "node", state: "all" });
  const labels = data.find((pull) => pull.number === 52459)?.labels;
  expect(labels).toEqual([expect.objectContaining({ name: "tsc-agenda", description: null })]);
});

test("the pull request's page shows its branch, and its files linked at the head commit", async () => {
  await minutesBranch();
  const { data: opened } = await app.rest.pulls.create({ ...repo, title: "Minutes of 2024-03-28", head: BRANCH, base: "main", body: "Fixes #1260" });
  const head = opened.head.sha;

  const webPage = (path: string) => answerWebPage(new Request(`http://sandbox.invalid${path}`), sandbox).text();
  const page = await webPage(`/nodejs/security-wg/pull/${opened.number}`);

  expect(page).toContain(`wants to merge <code>${BRANCH}</code> into <code>main</code>`);
  expect(page).toContain("<h2>Files changed <small>1</small></h2>");
  expect(page).toContain(`<a href="/nodejs/security-wg/blob/${head}/meetings/2024-03-28.md">meetings/2024-03-28.md</a> <small>added</small>`);
  const file = await webPage(`/nodejs/security-wg/blob/${head}/meetings/2024-03-28.md`);
  expect(file).toContain("<h1>Node.js Security Team Meeting 2024-03-28</h1>");
});

import type { SandboxEvent } from "../src/events.js";
import { Sandbox } from "../src/sandbox.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";
import { deleteIssue, transferIssue } from "../src/server/issue-control.js";
import { deleteDiscussion, startDiscussion, turnOnDiscussions } from "../src/discussions/discussion-changes.js";

const sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
const app = sandbox.octokit();
const events: string[] = [];
sandbox.onEvent((event: SandboxEvent) => {
  const detail = "label" in event ? ` ${event.label.name}` : "";
  events.push(`${event.name}.${"action" in event ? event.action : ""} by ${event.actor}${detail}`);
});
const repo = { owner: "nodejs", repo: "security-wg" };

async function statusOf(promise: Promise<unknown>): Promise<number> {
  return promise.then(
    () => 200,
    (error: { status: number }) => error.status,
  );
}

beforeEach(() => {
  events.length = 0;
});

test("creates (opened, then labeled for each label given, as GitHub sends them), edits, labels, comments on and closes a meeting issue", async () => {
  sandbox.clock.set(new Date("2024-03-26T09:00:00Z"));
  const { data: created } = await app.rest.issues.create({
    ...repo,
    title: "Node.js Security Team Meeting 2024-03-28",
    body: "## Agenda",
    labels: ["security-wg-meeting", "security-wg"],
  });
  expect(created).toMatchObject({
    number: 1301,
    state: "open",
    user: { login: "agenda-drafter[bot]", type: "Bot" },
    labels: [{ name: "security-wg-meeting" }, { name: "security-wg" }],
    created_at: "2024-03-26T09:00:00Z",
    html_url: "https://github.com/nodejs/security-wg/issues/1301",
  });

  await app.rest.issues.update({ ...repo, issue_number: created.number, body: "## Agenda\n\n* item" });
  await app.rest.issues.addLabels({ ...repo, issue_number: created.number, labels: ["security-wg-agenda"] });
  await app.rest.issues.removeLabel({ ...repo, issue_number: created.number, name: "security-wg-meeting" });
  await app.rest.issues.removeLabel({ ...repo, issue_number: created.number, name: "security-wg" });
  const { data: comment } = await app.rest.issues.createComment({ ...repo, issue_number: created.number, body: "Minutes: #1302" });
  await app.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: "Minutes: #1303" });
  await app.rest.issues.lock({ ...repo, issue_number: created.number });
  const { data: closed } = await app.rest.issues.update({ ...repo, issue_number: created.number, state: "closed" });

  expect(closed).toMatchObject({ state: "closed", state_reason: "completed", locked: true, comments: 1, labels: [{ name: "security-wg-agenda" }] });
  expect(events).toEqual([
    "issues.opened by agenda-drafter[bot]",
    "issues.labeled by agenda-drafter[bot] security-wg-meeting",
    "issues.labeled by agenda-drafter[bot] security-wg",
    "issues.edited by agenda-drafter[bot]",
    "issues.labeled by agenda-drafter[bot] security-wg-agenda",
    "issues.unlabeled by agenda-drafter[bot] security-wg-meeting",
    "issues.unlabeled by agenda-drafter[bot] security-wg",
    "issue_comment.created by agenda-drafter[bot]",
    "issue_comment.edited by agenda-drafter[bot]",
    "issues.locked by agenda-drafter[bot]",
    "issues.closed by agenda-drafter[bot]",
  ]);
  const { data: comments } = await app.rest.issues.listComments({ ...repo, issue_number: created.number });
  expect(comments.map((item) => [item.body, item.user?.login])).toEqual([["Minutes: #1303", "agenda-drafter[bot]"]]);
});

test("lists a repository's issues by state and labels, with pages", async () => {
  const open = await app.rest.issues.listForRepo({ ...repo, labels: "security-wg-agenda", state: "open" });
  // Newest first, pull requests included, as GitHub lists them.
  expect(open.data.map((issue) => issue.number)).toEqual([1255, 1294]);
  const all = await app.rest.issues.listForRepo({ ...repo, state: "all", per_page: 2 });
  expect(all.headers.link).toContain('rel="next"');
});

test("setLabels replaces the labels; labels from those who may not triage are dropped", async () => {
  const { data } = await app.rest.issues.setLabels({ ...repo, issue_number: 1300, labels: ["security-wg-agenda", "tsc-agenda"] });
  expect(data.map((label) => label.name)).toEqual(["security-wg-agenda", "tsc-agenda"]);
  const outsider = sandbox.octokit("user:someone");
  const { data: opened } = await outsider.rest.issues.create({ ...repo, title: "Question about CVE-2024-27983", labels: ["security-wg-agenda"] });
  expect([opened.labels, opened.author_association]).toEqual([[], "NONE"]);
});

test("refuses changes without the right as GitHub does", async () => {
  const outsider = sandbox.octokit("user:someone");
  expect(await statusOf(outsider.rest.issues.addLabels({ ...repo, issue_number: 1255, labels: ["x"] }))).toBe(403);
  expect(await statusOf(outsider.rest.issues.update({ ...repo, issue_number: 1255, state: "closed" }))).toBe(403);
  expect(await statusOf(outsider.rest.issues.create({ owner: "nodejs", repo: "security-private", title: "x" }))).toBe(404);
  expect(await statusOf(app.rest.issues.get({ ...repo, issue_number: 999999 }))).toBe(404);
  expect(await statusOf(app.rest.issues.removeLabel({ ...repo, issue_number: 1255, name: "not-there" }))).toBe(404);
  const triager = sandbox.octokit("user:RafaelGSS");
  expect(await statusOf(triager.rest.issues.addLabels({ ...repo, issue_number: 1294, labels: ["security-wg-agenda"] }))).toBe(200);
});

test("an invalid body gets GitHub's 422", async () => {
  const response = await sandbox.handle(
    new Request("http://sandbox.invalid/api/v3/repos/nodejs/security-wg/issues", {
      method: "POST",
      headers: { authorization: "token installation", "content-type": "application/json" },
      body: JSON.stringify({ body: "no title" }),
    }),
  );
  expect([response.status, await response.json()]).toEqual([
    422,
    {
      message: "Invalid request.\n\n\"title\" wasn't supplied.",
      documentation_url: "https://docs.github.com/rest/issues/issues#create-an-issue",
      status: "422",
    },
  ]);
});

test("collaborator permission maps roles to the old vocabulary and keeps the real one", async () => {
  const permission = async (username: string) => {
    const { data } = await app.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return [data.permission, data.role_name];
  };
  expect(await permission("RafaelGSS")).toEqual(["read", "triage"]);
  expect(await permission("mhdawson")).toEqual(["admin", "admin"]);
  expect(await permission("UlisesGascon")).toEqual(["write", "write"]);
  expect(await permission("someone")).toEqual(["read", "read"]);
  const tsc = await app.rest.repos.getCollaboratorPermissionLevel({ owner: "nodejs", repo: "TSC", username: "mhdawson" });
  expect(tsc.data.role_name).toBe("admin");
});

test("any login is a user; the snapshot adds profile names", async () => {
  const { data } = await app.rest.users.getByUsername({ username: "mhdawson" });
  expect([data.login, data.name]).toEqual(["mhdawson", "Michael Dawson"]);
  const stranger = await app.rest.users.getByUsername({ username: "octocat" });
  expect([stranger.data.login, stranger.data.name]).toEqual(["octocat", null]);
});

test("the old URL of a transferred issue answers 301 to its new location by repository id, which answers the issue there", async () => {
  const transferred = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  const { data: created } = await transferred.octokit().rest.issues.create({ ...repo, title: "Moves to a private repository" });
  const from = transferred.state.repos.get("nodejs/security-wg");
  const moved = transferIssue(transferred, from!, from!.issues.get(created.number)!, "nodejs/security-private", "mhdawson");
  if (typeof moved === "string") throw new Error(moved);
  const target = transferred.state.repos.get("nodejs/security-private")!;
  const get = (path: string) => transferred.handle(new Request(`http://sandbox.invalid/api/v3${path}`, { headers: { authorization: "token installation" } }));

  const redirect = await get(`/repos/nodejs/security-wg/issues/${created.number}`);
  const location = `http://sandbox.invalid/api/v3/repositories/${target.id}/issues/${moved.number}`;
  expect([redirect.status, redirect.headers.get("location")]).toEqual([301, location]);
  expect(await redirect.json()).toEqual({ message: "Moved Permanently", url: location, documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//) });
  const followed = await get(new URL(location).pathname.replace(/^\/api\/v3/, ""));
  expect(followed.status).toBe(200);
  expect(await followed.json()).toMatchObject({ number: moved.number, repository_url: "https://api.github.com/repos/nodejs/security-private" });
  // Someone who cannot read the new repository gets a 404, as on GitHub.
  const stranger = await transferred.handle(new Request(`http://sandbox.invalid/api/v3/repos/nodejs/security-wg/issues/${created.number}`, { headers: { authorization: "token user:octocat" } }));
  expect(stranger.status).toBe(404);
});

test("an issue moves only between repositories of one owner, and never from a private or internal repository to a public one, as on GitHub", () => {
  const moving = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  const privateRepo = moving.state.repos.get("nodejs/security-private")!;
  const internalRepo = moving.state.repos.get("nodejs/build-internal")!;
  const transfer = (from: typeof privateRepo, number: number, to: string) => transferIssue(moving, from, from.issues.get(number)!, to, "mhdawson");

  expect(transfer(privateRepo, 7, "nodejs/security-wg")).toBe("to: an issue of a private repository cannot move to a public one");
  expect(transfer(internalRepo, 3, "nodejs/node")).toBe("to: an issue of an internal repository cannot move to a public one");
  expect(transfer(privateRepo, 7, "pkgjs/parseargs")).toBe("to: an issue moves only between repositories of nodejs");
  expect(privateRepo.issues.get(7)?.title).toBe("Embargoed: HTTP request smuggling");
  expect(typeof transfer(internalRepo, 3, "nodejs/security-private")).not.toBe("string");
});

test("a number is never handed out twice in a repository, even once its issue or discussion is deleted or transferred away", async () => {
  const numbered = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  const octokit = numbered.octokit();
  const from = numbered.state.repos.get("nodejs/security-wg")!;
  const create = async (title: string) => (await octokit.rest.issues.create({ ...repo, title })).data.number;

  const deleted = await create("Deleted");
  expect(deleteIssue(numbered, from, from.issues.get(deleted)!, "mhdawson")).toBeUndefined();
  const transferredAway = await create("Transferred away");
  expect(transferredAway).toBe(deleted + 1);
  expect(typeof transferIssue(numbered, from, from.issues.get(transferredAway)!, "nodejs/security-private", "mhdawson")).not.toBe("string");
  turnOnDiscussions(numbered, from);
  const discussion = startDiscussion(numbered, from, { title: "Deleted discussion" }, "mhdawson");
  if (typeof discussion === "string") throw new Error(discussion);
  expect(discussion.number).toBe(deleted + 2);
  deleteDiscussion(numbered, from, discussion, "mhdawson");
  expect(await create("After them")).toBe(deleted + 3);
});

test("a comment is deleted by its author, by people with write and by an app with issues: write; others get GitHub's 403, a missing one 404", async () => {
  const deleting = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  const deleted: string[] = [];
  deleting.onEvent((event: SandboxEvent) => {
    if (event.name === "issue_comment" && event.action === "deleted") deleted.push(`${event.comment.body} by ${event.actor}`);
  });
  const as = (login: string) => deleting.octokit(`user:${login}`);
  const comment = async (login: string, body: string) => (await as(login).rest.issues.createComment({ ...repo, issue_number: 1300, body })).data.id;
  const remove = (octokit: ReturnType<typeof as>, comment_id: number) =>
    octokit.rest.issues.deleteComment({ ...repo, comment_id }).then(
      (response) => response.status as number,
      (error: { status: number }) => error.status,
    );

  const [own, byWriter, byApp, kept] = [await comment("RafaelGSS", "own"), await comment("mhdawson", "by a writer"), await comment("someone", "by the app"), await comment("mhdawson", "kept")];
  expect(await remove(as("RafaelGSS"), own)).toBe(204);
  expect(await remove(as("UlisesGascon"), byWriter)).toBe(204);
  expect(await remove(deleting.octokit(), byApp)).toBe(204);
  // Triage, an outsider: not someone else's comment.
  expect(await remove(as("RafaelGSS"), kept)).toBe(403);
  expect(await remove(as("someone"), kept)).toBe(403);
  expect(await remove(as("UlisesGascon"), own)).toBe(404);
  expect(await remove(deleting.octokit(), 999_999_999)).toBe(404);

  const { data: left } = await as("mhdawson").rest.issues.listComments({ ...repo, issue_number: 1300 });
  expect(left.map((each) => each.body)).toEqual(["kept"]);
  expect(deleted).toEqual(["own by RafaelGSS", "by a writer by UlisesGascon", "by the app by agenda-drafter[bot]"]);

  const readingIssues = Sandbox.fromSnapshot(NODEJS_SNAPSHOT.replace("{ id: 4242, account: nodejs }", "{ id: 4242, account: nodejs, permissions: { issues: read, metadata: read } }"));
  const appComment = (await readingIssues.octokit("user:mhdawson").rest.issues.createComment({ ...repo, issue_number: 1300, body: "x" })).data.id;
  const refused = readingIssues.octokit().rest.issues.deleteComment({ ...repo, comment_id: appComment });
  await expect(refused).rejects.toMatchObject({ status: 403, message: expect.stringContaining("Resource not accessible by integration") });
});

import { Sandbox } from "../src/sandbox.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

const repo = { owner: "nodejs", repo: "security-wg" };
let sandbox: Sandbox;
let app: ReturnType<Sandbox["octokit"]>;

beforeEach(() => {
  sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  app = sandbox.octokit();
});

async function statusOf(promise: Promise<{ status: number }>): Promise<number> {
  return promise.then(
    (response) => response.status,
    (error: { status: number }) => error.status,
  );
}

test("org membership answers 204 or 404 to members and the app, and sends others to the public list", async () => {
  expect(await statusOf(app.rest.orgs.checkMembershipForUser({ org: "nodejs", username: "RafaelGSS" }))).toBe(204);
  expect(await statusOf(app.rest.orgs.checkMembershipForUser({ org: "nodejs", username: "fraxken" }))).toBe(404);
  expect(await statusOf(sandbox.octokit("user:UlisesGascon").rest.orgs.checkMembershipForUser({ org: "nodejs", username: "mhdawson" }))).toBe(204);
  const outsider = await sandbox.handle(new Request("http://sandbox.invalid/orgs/nodejs/members/mhdawson", { headers: { authorization: "token user:fraxken" } }));
  expect([outsider.status, outsider.headers.get("location")]).toEqual([302, "https://api.github.com/orgs/nodejs/public_members/mhdawson"]);

  const { data: membership } = await app.rest.orgs.getMembershipForUser({ org: "nodejs", username: "mhdawson" });
  expect(membership).toMatchObject({ state: "active", role: "admin", organization: { login: "nodejs" }, user: { login: "mhdawson" } });
  expect(await statusOf(app.rest.orgs.getMembershipForUser({ org: "nodejs", username: "fraxken" }))).toBe(404);
});

test("team membership: members are active members; anyone else is 404", async () => {
  const { data } = await app.rest.teams.getMembershipForUserInOrg({ org: "nodejs", team_slug: "security-wg", username: "UlisesGascon" });
  expect(data).toMatchObject({ role: "member", state: "active" });
  expect(await statusOf(app.rest.teams.getMembershipForUserInOrg({ org: "nodejs", team_slug: "tsc", username: "UlisesGascon" }))).toBe(404);
  expect(await statusOf(app.rest.teams.getMembershipForUserInOrg({ org: "nodejs", team_slug: "no-such-team", username: "mhdawson" }))).toBe(404);
});

test("reactions on issues and comments: one per person and content", async () => {
  const { status, data: reaction } = await app.rest.reactions.createForIssue({ ...repo, issue_number: 1255, content: "eyes" });
  expect([status, reaction.content, reaction.user?.login]).toEqual([201, "eyes", "agenda-drafter[bot]"]);
  expect((await app.rest.reactions.createForIssue({ ...repo, issue_number: 1255, content: "eyes" })).status).toBe(200);
  await sandbox.octokit("user:RafaelGSS").rest.reactions.createForIssue({ ...repo, issue_number: 1255, content: "+1" });
  const { data: listed } = await app.rest.reactions.listForIssue({ ...repo, issue_number: 1255 });
  expect(listed.map((item) => `${item.user?.login} ${item.content}`)).toEqual(["agenda-drafter[bot] eyes", "RafaelGSS +1"]);
  expect((await app.rest.issues.get({ ...repo, issue_number: 1255 })).data.reactions).toMatchObject({ total_count: 2, eyes: 1, "+1": 1 });

  const { data: comment } = await sandbox.octokit("user:RafaelGSS").rest.issues.createComment({ ...repo, issue_number: 1255, body: "/agenda skip" });
  await app.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "rocket" });
  const { data: onComment } = await app.rest.reactions.listForIssueComment({ ...repo, comment_id: comment.id, content: "rocket" });
  expect(onComment.map((item) => item.content)).toEqual(["rocket"]);
});

test("check runs: the app creates, completes and lists them on a commit; a person may not", async () => {
  const { data: main } = await app.rest.git.getRef({ ...repo, ref: "heads/main" });
  const sha = main.object.sha;
  const { data: created } = await app.rest.checks.create({ ...repo, name: "agenda-drafter config", head_sha: sha, status: "in_progress" });
  expect(created).toMatchObject({ status: "in_progress", conclusion: null, app: { slug: "agenda-drafter" } });
  const { data: completed } = await app.rest.checks.update({
    ...repo,
    check_run_id: created.id,
    conclusion: "failure",
    output: {
      title: "1 problem in .github/agenda-drafter.yml",
      summary: "meetings[0].schedule is required",
      annotations: [{ path: ".github/agenda-drafter.yml", start_line: 2, end_line: 2, annotation_level: "failure", message: "schedule is required" }],
    },
  });
  expect(completed).toMatchObject({ status: "completed", conclusion: "failure", output: { annotations_count: 1 } });
  await app.rest.checks.create({ ...repo, name: "agenda-drafter config", head_sha: sha, conclusion: "success" });
  const { data: latest } = await app.rest.checks.listForRef({ ...repo, ref: "main" });
  expect(latest.check_runs.map((run) => run.conclusion)).toEqual(["success"]);
  expect((await app.rest.checks.listForRef({ ...repo, ref: sha, filter: "all" })).data.total_count).toBe(2);
  expect(await statusOf(sandbox.octokit("user:mhdawson").rest.checks.create({ ...repo, name: "x", head_sha: sha }))).toBe(403);
  expect(await statusOf(app.rest.checks.create({ ...repo, name: "x", head_sha: "f".repeat(40) }))).toBe(422);
});

test("the installation lists its repositories; a user token may not", async () => {
  const { data } = await sandbox.octokit("installation:4242").rest.apps.listReposAccessibleToInstallation({ per_page: 100 });
  expect(data.repositories.map((repository) => repository.full_name).sort()).toEqual([
    "nodejs/TSC",
    "nodejs/build-internal",
    "nodejs/node",
    "nodejs/security-private",
    "nodejs/security-wg",
  ]);
  expect(data).toMatchObject({ total_count: 5, repository_selection: "all" });
  expect(await statusOf(sandbox.octokit("user:mhdawson").rest.apps.listReposAccessibleToInstallation())).toBe(403);
});

test("an admin changes a repository's visibility; others may not", async () => {
  const events: string[] = [];
  sandbox.onEvent((event) => events.push(`${event.name}.${"action" in event ? event.action : ""}`));
  expect(await statusOf(sandbox.octokit("user:RafaelGSS").rest.repos.update({ ...repo, private: true }))).toBe(403);
  const { data } = await sandbox.octokit("user:mhdawson").rest.repos.update({ ...repo, private: true });
  expect([data.private, data.visibility]).toEqual([true, "private"]);
  await sandbox.octokit("user:mhdawson").rest.repos.update({ ...repo, visibility: "public", description: "Security WG" });
  expect(events).toEqual(["repository.privatized", "repository.publicized"]);
});

// The GitHub Action end to end: the committed bundle, run as a workflow step runs it, against the
// sandbox. A schedule run creates the meeting issue; a comment's command is answered within the
// comment's own run; a workflow token and an app's token each write as who they are.
import { readFileSync } from "node:fs";
import { jest } from "@jest/globals";
import { parseBody } from "../../src/publish/issue-body.js";
import { startE2E, type E2E } from "./harness.js";
import { agendaItems, HOME, meetingIssue, SNAPSHOT_FILE } from "./live-issue-app.js";
import { appToken, runStep, tokenClient, workflowToken } from "./action-run.js";

const [OWNER = "", REPO = ""] = HOME.split("/");
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/actions/${name}`, import.meta.url), "utf8"));

// Each test runs the step once to three times, a node process each, and each run waits out
// Probot's production spacing of writes (the bundle takes no throttle setting): the tests share a
// sandbox where a run's outcome is the next test's start, rather than each creating the meeting
// issue again.
jest.setTimeout(180_000);

let e2e: E2E;
// Nothing answers the webhooks: on Actions, the event reaches the step as a file.
const startSandbox = async () => (e2e = await startE2E({ snapshotFile: SNAPSHOT_FILE, app: () => {} }));
const closeSandbox = async () => e2e?.close();

/** The `issue_comment.created` payload GitHub hands the run of a new comment on an issue. */
async function commentEvent(issueNumber: number, login: string, body: string): Promise<unknown> {
  const person = e2e.as(login).rest;
  const { data: comment } = await person.issues.createComment({ owner: OWNER, repo: REPO, issue_number: issueNumber, body });
  const { data: issue } = await person.issues.get({ owner: OWNER, repo: REPO, issue_number: issueNumber });
  const { data: repository } = await person.repos.get({ owner: OWNER, repo: REPO });
  const payload = fixture("issue_comment.created.json") as Record<string, Record<string, unknown>>;
  return {
    ...payload,
    issue: { ...payload["issue"], ...issue },
    comment: { ...payload["comment"], ...comment },
    repository: { ...payload["repository"], ...repository },
    sender: { ...payload["sender"], ...comment.user },
  };
}

describe("with the workflow's token, each run on the meeting issue the runs before it left", () => {
  beforeAll(startSandbox);
  afterAll(closeSandbox);

  test("a schedule run with the workflow's token creates the meeting issue, written by github-actions[bot]", async () => {
    const run = await runStep(e2e, { token: await workflowToken(e2e), event: "schedule", payload: fixture("schedule.json") });
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(`${HOME} security-wg: create-issue 2024-03-28`);
    const issue = meetingIssue(e2e);
    expect(issue).toMatchObject({ title: "Node.js Security team Meeting 2024-03-28", author: "github-actions[bot]" });
    // A workflow token searches its own repository only, as any installation searches the repositories it is on.
    expect(agendaItems(issue)).toEqual(["nodejs/security-wg#1255"]);
  });

  test("an item labelled in the home repo is on the agenda when the issues event's run ends", async () => {
    const token = await workflowToken(e2e);
    const person = e2e.as("RafaelGSS").rest;
    await person.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: 1236, labels: ["security-wg-agenda"] });
    const { data: item } = await person.issues.get({ owner: OWNER, repo: REPO, issue_number: 1236 });
    const label = item.labels.find((each): each is Exclude<typeof each, string> => typeof each === "object" && each.name === "security-wg-agenda");
    const { data: repository } = await person.repos.get({ owner: OWNER, repo: REPO });
    const payload = fixture("issues.labeled.json") as Record<string, Record<string, unknown>>;
    const event = { ...payload, issue: { ...payload["issue"], ...item }, label: { ...payload["label"], ...label }, repository: { ...payload["repository"], ...repository } };

    expect((await runStep(e2e, { token, event: "issues", payload: event })).code).toBe(0);
    expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/security-wg#1255", "nodejs/security-wg#1236"]);
  });

  test("/agenda refresh in a comment is answered within the comment's own run", async () => {
    const token = await workflowToken(e2e);
    const issue = meetingIssue(e2e);
    // Labelled with no run of its own: only the comment's run can bring it to the agenda.
    await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: 1263, labels: ["security-wg-agenda"] });

    const payload = await commentEvent(issue.number, "RafaelGSS", "/agenda refresh");
    const run = await runStep(e2e, { token, event: "issue_comment", payload });
    expect(run).toMatchObject({ code: 0 });
    // Done when the run ends: the command's reaction, and the agenda it refreshed.
    const comment = e2e.comments(HOME, issue.number).at(-1);
    expect(comment?.reactions).toEqual([expect.objectContaining({ user: "github-actions[bot]" })]);
    expect(agendaItems(e2e.issue(HOME, issue.number))).toEqual(["nodejs/security-wg#1263", "nodejs/security-wg#1255", "nodejs/security-wg#1236"]);
  });

  test("with the workflow's token, an issue github-actions[bot] opened with a copied marker is no meeting issue", async () => {
    const token = await workflowToken(e2e);
    const real = meetingIssue(e2e);
    // Another workflow of the repository, writing with the same bot, copies the issue whole.
    const { data: copy } = await tokenClient(e2e, token).rest.issues.create({
      owner: OWNER,
      repo: REPO,
      title: real.title,
      body: real.body ?? "",
    });
    expect(copy.user?.login).toBe("github-actions[bot]");
    const commentsBefore = e2e.comments(HOME, copy.number).length;

    const run = await runStep(e2e, { token, event: "issue_comment", payload: await commentEvent(copy.number, "RafaelGSS", "/agenda refresh") });
    expect(run).toMatchObject({ code: 0 });
    expect(e2e.comments(HOME, copy.number)).toHaveLength(commentsBefore + 1);
    expect(parseBody(e2e.issue(HOME, copy.number).body).marker).toBeDefined();
    // "Run workflow" starts the same tick as the schedule does.
    expect((await runStep(e2e, { token, event: "workflow_dispatch", payload: fixture("workflow_dispatch.json") })).code).toBe(0);
    expect(e2e.issue(HOME, copy.number).state).toBe("open");
    expect(e2e.issue(HOME, real.number).state).toBe("open");
  });
});

describe("before any meeting issue: dry runs, then an app's token", () => {
  beforeAll(startSandbox);
  afterAll(closeSandbox);

  test("in dry run, a push that reloads the config still writes no meeting issue", async () => {
    const token = await workflowToken(e2e);
    const person = e2e.as("mhdawson").rest;
    const path = ".github/agenda-drafter.yml";
    const { data: file } = await person.repos.getContent({ owner: OWNER, repo: REPO, path });
    const config = Buffer.from((file as { content: string }).content, "base64").toString("utf8");
    const { data: written } = await person.repos.createOrUpdateFileContents({
      owner: OWNER,
      repo: REPO,
      path,
      message: "Meet in the UTC zone only",
      content: Buffer.from(`${config}# reviewed\n`).toString("base64"),
      sha: (file as { sha: string }).sha,
    });
    const { data: repository } = await person.repos.get({ owner: OWNER, repo: REPO });
    const payload = fixture("push.json") as Record<string, Record<string, unknown>>;
    const commit = { ...payload["head_commit"], id: written.commit.sha, message: written.commit.message, added: [], removed: [], modified: [path] };
    const event = {
      ...payload,
      ref: "refs/heads/main",
      before: written.commit.parents?.[0]?.sha,
      after: written.commit.sha,
      created: false,
      commits: [commit],
      head_commit: commit,
      repository: { ...payload["repository"], ...repository },
    };

    expect((await runStep(e2e, { token, event: "push", payload: event, inputs: { "dry-run": "true" } })).code).toBe(0);
    expect(e2e.issues(HOME).filter((issue) => parseBody(issue.body).marker)).toEqual([]);
  });

  test("dry-run writes nothing; a missing state key fails the step with one message", async () => {
    const token = await workflowToken(e2e);
    const dry = await runStep(e2e, { token, event: "schedule", payload: fixture("schedule.json"), inputs: { "dry-run": "true" } });
    expect(dry).toMatchObject({ code: 0 });
    expect(e2e.issues(HOME).filter((issue) => parseBody(issue.body).marker)).toEqual([]);

    const keyless = await runStep(e2e, { token, event: "schedule", payload: fixture("schedule.json"), inputs: { "state-key": "" } });
    expect(keyless.code).toBe(1);
    expect(keyless.stdout).toMatch(/^::error title=agenda-drafter::Set the state-key input to a secret of 32 characters or more/m);
    expect(keyless.stdout).not.toMatch(/at .*\.mjs:\d+/);
  });

  test("an app's token serves the meetings' org-wide scope: its writes are the app's, and it labels items in other repositories", async () => {
    const token = await appToken(e2e, 4001);
    expect((await runStep(e2e, { token, event: "schedule", payload: fixture("schedule.json") })).code).toBe(0);
    const issue = meetingIssue(e2e);
    expect(issue.author).toBe("agenda-drafter[bot]");

    const run = await runStep(e2e, { token, event: "issue_comment", payload: await commentEvent(issue.number, "RafaelGSS", "/agenda add nodejs/node#52575") });
    expect(run).toMatchObject({ code: 0 });
    expect(e2e.issue("nodejs/node", 52575).labels).toContain("security-wg-agenda");
    expect(e2e.comments(HOME, issue.number).at(-1)?.author).toBe("agenda-drafter[bot]");
    expect(agendaItems(e2e.issue(HOME, issue.number))).toContain("nodejs/node#52575");
  });
});

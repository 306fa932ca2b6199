// Time drives the meeting: ticks create the issue at lead time, freeze the agenda at the start,
// open the minutes pull request after the meeting and close the previous issue.
import { Redis } from "ioredis";
import { createRedisRegistry } from "../../src/registry/redis-registry.js";
import { createRedisLock } from "../../src/scheduler/lock.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "../scheduler/redis-server.js";
import { startE2E } from "./harness.js";
import { agendaItems, HOME, meetingIssue, meetingIssues, snapshotWith, stateOf, writeLines } from "./live-issue-app.js";
import { drafterProcess, startDrafter, stepsDone, type DrafterProcess, type DrafterStage } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

const LABEL = "security-wg-agenda";
const CONFIG_PATH = ".github/agenda-drafter.yml";
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

/** The fixture's snapshot at another time, with extra lines in the meeting's config. */
function snapshotAt(now: string, extraConfig = ""): string {
  return snapshotWith((snapshot) => {
    snapshot.now = now;
    const files = snapshot.orgs.nodejs.repos["security-wg"]?.files ?? {};
    files[CONFIG_PATH] = `${files[CONFIG_PATH] ?? ""}${extraConfig}`;
  });
}

function label(login: string, repo: string, number: number) {
  return stage.e2e.as(login).rest.issues.addLabels({ owner: "nodejs", repo, issue_number: number, labels: [LABEL] });
}

test("the issue appears at lead time, three days before the meeting, and not before", async () => {
  stage = await startDrafter(snapshotAt("2024-03-25T15:00:00Z"));
  const { e2e } = stage;
  expect(stepsDone(await stage.tick())).toEqual([]);
  e2e.clock.set("2024-03-25T15:59:59Z");
  await label("RafaelGSS", "node", 52575);
  await e2e.settle();
  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(meetingIssues(e2e)).toEqual([]);

  e2e.clock.set("2024-03-25T16:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["create-issue 2024-03-28"]);
  const issue = meetingIssue(e2e);
  expect(issue.title).toBe("Node.js Security team Meeting 2024-03-28");
  expect(agendaItems(issue)).toEqual(["nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);

  const writes = e2e.appWrites().length;
  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(writeLines(e2e, writes)).toEqual([]);
});

test("a group meeting every week sees next week's issue only once this week's meeting is over", async () => {
  stage = await startDrafter(
    snapshotWith((snapshot) => {
      const files = snapshot.orgs.nodejs.repos["security-wg"]?.files ?? {};
      files[CONFIG_PATH] = `${(files[CONFIG_PATH] ?? "").replace("FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY")}    lead_time: 8d\n`;
    }),
  );
  const { e2e } = stage;
  expect(meetingIssues(e2e).map((issue) => issue.title)).toEqual(["Node.js Security team Meeting 2024-03-28"]);
  // Within next week's lead time, during this week's meeting.
  e2e.clock.set("2024-03-28T16:30:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual([
    "open-minutes 2024-03-28",
    "create-issue 2024-04-04",
    "close-issue 2024-03-28 for 2024-04-04",
  ]);
  expect(meetingIssues(e2e).map((issue) => `${issue.title} ${issue.state}`)).toEqual([
    "Node.js Security team Meeting 2024-03-28 closed",
    "Node.js Security team Meeting 2024-04-04 open",
  ]);
});

test("the agenda freezes at the start without a tick then; the minutes get the frozen agenda, once; the next issue closes this one", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  const issue = meetingIssue(e2e);
  expect(agendaItems(issue)).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);

  // Half an hour into the meeting, before any tick: an item labelled now is for the next meeting.
  e2e.clock.set("2024-03-28T16:30:00Z");
  const writes = e2e.appWrites().length;
  await label("RafaelGSS", "node", 52575);
  await e2e.settle();
  expect(writeLines(e2e, writes)).toEqual([]);
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);

  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  const frozen = stateOf(meetingIssue(e2e))?.frozen;
  expect(frozen?.groups.map((group) => `${group.repo}: ${group.items.map((item) => item.number).join(", ")}`)).toEqual([
    "nodejs/nodejs-dependency-vuln-assessments: 178",
    "nodejs/security-wg: 1255",
  ]);

  // The meeting is over: the minutes pull request, with the frozen agenda, linked both ways.
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["open-minutes 2024-03-28"]);
  const [pullRequest, ...others] = e2e.pullRequests(HOME);
  expect(others).toEqual([]);
  expect(pullRequest?.pullRequest.head.ref).toBe(MINUTES_BRANCH);
  expect(pullRequest?.body).toContain(`https://github.com/${HOME}/issues/${issue.number}`);
  expect(meetingIssue(e2e).body).toContain(`https://github.com/${HOME}/pull/${pullRequest?.number}`);
  const minutes = e2e.file(HOME, "meetings/2024-03-28.md", MINUTES_BRANCH) ?? "";
  expect(minutes).toContain("Review CVE-2024-24806 in libuv");
  expect(minutes).toContain("Node.js Security Initiatives 2024");
  expect(minutes).not.toContain("Remove --experimental-policy");
  expect(e2e.file(HOME, "meetings/2024-03-28.md")).toBeUndefined();

  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(e2e.pullRequests(HOME)).toHaveLength(1);

  // Three days before the next meeting: its issue has the item labelled during this one, and this one is closed.
  e2e.clock.set("2024-04-08T16:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["create-issue 2024-04-11", "close-issue 2024-03-28 for 2024-04-11"]);
  const [closed, next] = meetingIssues(e2e);
  expect(closed?.number).toBe(issue.number);
  expect(closed?.state).toBe("closed");
  expect(next?.state).toBe("open");
  expect(agendaItems(next!)).toEqual(["nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);
  expect(e2e.comments(HOME, issue.number).map((comment) => visibleText(comment.body))).toEqual([
    `The next meeting's issue is #${next?.number} (2024-04-11); closing this one.`,
  ]);
  expect(e2e.pullRequests(HOME)).toHaveLength(1);
});

test("a merged minutes pull request, its branch deleted, is never opened again", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  const mhdawson = e2e.as("mhdawson").rest;
  e2e.clock.set("2024-03-28T17:05:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
  const [pullRequest] = e2e.pullRequests(HOME);

  await mhdawson.pulls.merge({ owner: "nodejs", repo: "security-wg", pull_number: pullRequest!.number, merge_method: "squash" });
  await mhdawson.git.deleteRef({ owner: "nodejs", repo: "security-wg", ref: `heads/${MINUTES_BRANCH}` });
  await e2e.settle();
  const writes = e2e.appWrites().length;
  e2e.clock.advance("PT1H");
  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(writeLines(e2e, writes)).toEqual([]);
  expect(e2e.pullRequests(HOME).map((pull) => `#${pull.number} ${pull.state} merged=${pull.pullRequest.mergedAt !== null}`)).toEqual([
    `#${pullRequest!.number} closed merged=true`,
  ]);
  expect(e2e.file(HOME, "meetings/2024-03-28.md")).toContain("Node.js Security Initiatives 2024");

  await e2e.as("RafaelGSS").rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: meetingIssue(e2e).number, body: "/minutes" });
  await e2e.settle();
  expect(visibleText(e2e.comments(HOME, meetingIssue(e2e).number).at(-1)?.body ?? "")).toMatchInlineSnapshot(`
"> /minutes

Nothing changed: The minutes pull request https://github.com/nodejs/security-wg/pull/1265 is merged; it is never opened again."
`);
  expect(e2e.pullRequests(HOME)).toHaveLength(1);
});

test("with minutes opened with the issue, a person's push to the minutes branch is never overwritten, by the freeze or by /minutes", async () => {
  stage = await startDrafter(snapshotAt("2024-03-26T09:00:00Z", "    minutes: { open: with_issue }\n"));
  const { e2e } = stage;
  expect(stepsDone(await stage.tick())).toEqual(["open-minutes 2024-03-28"]);
  const [pullRequest] = e2e.pullRequests(HOME);
  const path = "meetings/2024-03-28.md";
  const drafted = e2e.file(HOME, path, MINUTES_BRANCH) ?? "";
  expect(drafted).toContain("Review CVE-2024-24806 in libuv");

  const rafael = e2e.as("RafaelGSS").rest;
  await label("RafaelGSS", "node", 52575);
  await e2e.settle();
  // A person with write access to the home repo takes notes on the branch.
  const mhdawson = e2e.as("mhdawson").rest;
  const { data: file } = await mhdawson.repos.getContent({ owner: "nodejs", repo: "security-wg", path, ref: MINUTES_BRANCH });
  const edited = `${drafted}\n* Rafael walked us through the policy removal.\n`;
  await mhdawson.repos.createOrUpdateFileContents({
    owner: "nodejs",
    repo: "security-wg",
    path,
    branch: MINUTES_BRANCH,
    message: "Notes from the meeting",
    content: Buffer.from(edited).toString("base64"),
    sha: (file as { sha: string }).sha,
  });
  await e2e.settle();

  const writesBeforeTicks = e2e.appWrites().length;
  e2e.clock.set("2024-03-28T16:01:00Z");
  await stage.tick();
  e2e.clock.set("2024-03-28T17:01:00Z");
  await stage.tick();
  await rafael.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: meetingIssue(e2e).number, body: "/minutes" });
  await e2e.settle();

  expect(e2e.file(HOME, path, MINUTES_BRANCH)).toBe(edited);
  expect(e2e.pullRequests(HOME)).toHaveLength(1);
  // No tree, and no branch moved: the only commits are the comment claim's, claimed and then done.
  expect(writeLines(e2e, writesBeforeTicks).filter((line) => /\/git\/(trees|commits|refs)/.test(line))).toEqual([
    `POST /repos/${HOME}/git/commits 201`,
    `POST /repos/${HOME}/git/refs 201`,
    `POST /repos/${HOME}/git/commits 201`,
    expect.stringMatching(new RegExp(`^PATCH /repos/${HOME}/git/refs/agenda-drafter-comments%2F\\d+ 200$`)),
  ]);
  expect(pullRequest?.number).toBe(1265);
  expect(visibleText(e2e.comments(HOME, meetingIssue(e2e).number).at(-1)?.body ?? "")).toMatchInlineSnapshot(`
"> /minutes

The minutes pull request already has commits by people, so it stays as it is: https://github.com/nodejs/security-wg/pull/1265"
`);

  // Attendees recorded after the push are added under Present, and the person's notes stay.
  await e2e.as("UlisesGascon").rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: meetingIssue(e2e).number, body: "/present" });
  await e2e.settle();
  const withAttendee = e2e.file(HOME, path, MINUTES_BRANCH) ?? "";
  expect(withAttendee).toContain("* Rafael walked us through the policy removal.");
  expect(withAttendee).toMatch(/## Present\n[\s\S]*\* Ulises Gascón \(@\u200BUlisesGascon\)/);
});

test("an exception date pushed to the config cancels the occurrence: its issue says so and is closed, and no minutes are opened", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  const issue = meetingIssue(e2e);
  const mhdawson = e2e.as("mhdawson").rest;
  const { data: config } = await mhdawson.repos.getContent({ owner: "nodejs", repo: "security-wg", path: CONFIG_PATH });
  const text = e2e.file(HOME, CONFIG_PATH) ?? "";
  await mhdawson.repos.createOrUpdateFileContents({
    owner: "nodejs",
    repo: "security-wg",
    path: CONFIG_PATH,
    message: "Security WG: no meeting on 2024-03-28",
    content: Buffer.from(text.replace(`rrule: "FREQ=WEEKLY;INTERVAL=2" }`, `rrule: "FREQ=WEEKLY;INTERVAL=2", exceptions: ["2024-03-28"] }`)).toString("base64"),
    sha: (config as { sha: string }).sha,
  });
  await e2e.settle();
  expect(e2e.file(HOME, CONFIG_PATH)).toContain("exceptions");

  expect(stepsDone(await stage.tick())).toEqual(["cancel-issue 2024-03-28"]);
  const cancelled = e2e.issue(HOME, issue.number);
  expect(cancelled.state).toBe("closed");
  expect(cancelled.stateReason).toBe("not_planned");
  expect(cancelled.body).toContain("**This meeting is cancelled.**");
  expect(e2e.comments(HOME, issue.number).map((comment) => `${comment.author}: ${visibleText(comment.body)}`)).toEqual([
    "agenda-drafter[bot]: The meeting of 2024-03-28 is cancelled: the schedule no longer has it. Items on this agenda go to the next meeting.",
  ]);

  e2e.clock.set("2024-03-28T17:30:00Z");
  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(e2e.pullRequests(HOME)).toEqual([]);
  expect(meetingIssues(e2e).map((meeting) => meeting.number)).toEqual([issue.number]);
});

test("/meeting cancel closes the issue, and no tick opens minutes for it", async () => {
  stage = await startDrafter();
  const { e2e } = stage;
  const issue = meetingIssue(e2e);
  await e2e.as("RafaelGSS").rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: issue.number, body: "/meeting cancel most of us are at the collab summit" });
  await e2e.settle();
  expect(e2e.issue(HOME, issue.number).state).toBe("closed");

  e2e.clock.set("2024-03-28T16:30:00Z");
  await stage.tick();
  e2e.clock.set("2024-03-28T17:30:00Z");
  await stage.tick();
  expect(e2e.pullRequests(HOME)).toEqual([]);
  expect(e2e.issue(HOME, issue.number).state).toBe("closed");
});

describeWithRedis("three app processes sharing a real Redis", () => {
  let redis: RedisServer;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await redis.stop();
  });

  test("create one issue and one pull request, whichever of them ticks, all at once or each in turn", async () => {
    const replicas = [0, 1, 2].map(() => {
      const client = new Redis(redis.url);
      clients.push(client);
      return drafterProcess({ lock: createRedisLock(client), registry: createRedisRegistry(client) });
    });
    const [first, ...others] = replicas as [DrafterProcess, ...DrafterProcess[]];
    const e2e = await startE2E({ snapshot: snapshotAt("2024-03-25T12:00:00Z"), app: first.app, idle: first.drafter.idle });
    stage = { e2e, tick: () => first.drafter.tick(), metrics: first.drafter.metrics };
    for (const other of others) await e2e.startAnotherApp(other.app, other.drafter.idle);
    await e2e.settle();
    const tickAll = async () => {
      const runs = await Promise.all(replicas.map((replica) => replica.drafter.tick()));
      await e2e.settle();
      return runs.map(stepsDone);
    };
    const tickEach = async () => {
      for (const replica of replicas) await replica.drafter.tick();
      await e2e.settle();
    };

    e2e.clock.set("2024-03-25T16:00:00Z");
    expect((await tickAll()).flat().sort()).toEqual(["create-issue 2024-03-28", "locked", "locked"]);
    await tickEach();
    e2e.clock.set("2024-03-28T17:00:00Z");
    expect((await tickAll()).flat().sort()).toEqual(["freeze-agenda 2024-03-28", "locked", "locked", "open-minutes 2024-03-28"]);
    await tickEach();

    expect(meetingIssues(e2e)).toHaveLength(1);
    expect(e2e.pullRequests(HOME)).toHaveLength(1);
    expect(writeLines(e2e).filter((line) => line.startsWith("POST /repos/nodejs/security-wg/issues ") || line.startsWith("POST /repos/nodejs/security-wg/pulls "))).toEqual([
      "POST /repos/nodejs/security-wg/issues 201",
      "POST /repos/nodejs/security-wg/pulls 201",
    ]);
  });
});

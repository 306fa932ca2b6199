// Private data never reaches public text: whatever the app writes into the public home repo (the
// meeting issue, its hidden state, the minutes, replies to commands) and whatever it logs at info
// level shows nothing of an item whose repository is not public, at any step: a repository made
// private after the agenda was written or after the freeze, while search still lags behind, an
// item transferred into a private repository, a command naming a private item.
import { decodeState } from "../../src/publish/meeting-state.js";
import type { CommentRecord } from "@agenda-drafter/github-sandbox";
import { startE2E, type E2E, type E2EOptions } from "./harness.js";
import { agendaItems, control, HOME, meetingIssue, SNAPSHOT_FILE, stateOf } from "./live-issue-app.js";
import { drafterProcess, stepsDone } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

const LABEL = "security-wg-agenda";
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";
const MINUTES_PATH = "meetings/2024-03-28.md";
const CONFIG_PATH = ".github/agenda-drafter.yml";
/** A public repository of the fixture with an item on the agenda from the start. */
const ASSESSMENTS = "nodejs-dependency-vuln-assessments";
const EMBARGOED = "Embargoed: libuv CVE-2024-99999, patch under review";

interface Stage {
  e2e: E2E;
  /** What the app logged at info level. */
  infoLog: string[];
  tick(): Promise<string[]>;
}

let stage: Stage;
afterEach(async () => stage?.e2e.close());

/** The app's Probot logger, with what it logs at info level recorded. */
function recordingInfoLog(app: E2EOptions["app"], lines: string[]): E2EOptions["app"] {
  return (probot, options) => {
    probot.log.info = ((...args: unknown[]) => void lines.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "))) as typeof probot.log.info;
    return app(probot, options);
  };
}

async function start(): Promise<Stage> {
  const replica = drafterProcess();
  const infoLog: string[] = [];
  const e2e = await startE2E({ snapshotFile: SNAPSHOT_FILE, app: recordingInfoLog(replica.app, infoLog), idle: replica.drafter.idle });
  await e2e.settle();
  return {
    e2e,
    infoLog,
    async tick() {
      const run = await replica.drafter.tick();
      await e2e.settle();
      return stepsDone(run);
    },
  };
}

/** Text as anyone who can read it can read it: the app's state blocks decoded too. */
function readable(text: string): string {
  // A state block is `<base64url JSON>.<signature>`: the JSON is there for anyone to read.
  const states = [...text.matchAll(/<!-- agenda-drafter:state ([^.\s]+)(?:\.\S*)? -->/g)].map((match) => JSON.stringify(decodeState(match[1] ?? "")));
  return [text, ...states].join("\n");
}

/** Everything public the app wrote or logged: the home repo's issues and comments, the minutes, the info log. */
function publicText(): string {
  const { e2e } = stage;
  const issues = e2e.issues(HOME).flatMap((issue) => [issue.title, issue.body ?? "", ...issue.comments.map((comment) => comment.body)]);
  return readable([...issues, e2e.file(HOME, MINUTES_PATH, MINUTES_BRANCH) ?? "", ...stage.infoLog].join("\n"));
}

function makePrivate(repo: string, isPrivate = true) {
  return stage.e2e.as("mhdawson").rest.repos.update({ owner: "nodejs", repo, private: isPrivate });
}

function retitle(repo: string, number: number, title: string) {
  return stage.e2e.as("mhdawson").rest.issues.update({ owner: "nodejs", repo, issue_number: number, title });
}

function frozenGroups(): string[] {
  return (decodeFrozen()?.groups ?? []).map((group) => `${group.repo}: ${group.items.map((item) => `#${item.number} ${item.title}`).join(", ")}`);
}

function decodeFrozen() {
  return stateOf(meetingIssue(stage.e2e))?.frozen;
}

async function comment(login: string, body: string): Promise<string[]> {
  const { e2e } = stage;
  const number = meetingIssue(e2e).number;
  const before = e2e.comments(HOME, number).length;
  await e2e.as(login).rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: number, body });
  await e2e.settle();
  return e2e.comments(HOME, number).slice(before).filter((reply: CommentRecord) => reply.author === "agenda-drafter[bot]").map((reply) => visibleText(reply.body));
}

test("a repository made private after the agenda was written: the freeze's state and the minutes show nothing of it", async () => {
  stage = await start();
  expect(agendaItems(meetingIssue(stage.e2e))).toEqual([`nodejs/${ASSESSMENTS}#178`, "nodejs/security-wg#1255"]);

  // During the meeting (the agenda block stays as it was), the repository turns private and its item gets a confidential title.
  stage.e2e.clock.set("2024-03-28T16:30:00Z");
  await makePrivate(ASSESSMENTS);
  await retitle(ASSESSMENTS, 178, EMBARGOED);
  await stage.e2e.settle();
  expect(await stage.tick()).toEqual(["freeze-agenda 2024-03-28"]);
  expect(frozenGroups()).toEqual(["nodejs/security-wg: #1255 Node.js Security Initiatives 2024"]);

  stage.e2e.clock.set("2024-03-28T17:00:00Z");
  expect(await stage.tick()).toEqual(["open-minutes 2024-03-28"]);
  const minutes = stage.e2e.file(HOME, MINUTES_PATH, MINUTES_BRANCH) ?? "";
  expect(minutes).toContain("Node.js Security Initiatives 2024");
  expect(minutes).not.toContain(ASSESSMENTS);
  expect(publicText()).not.toContain(EMBARGOED);
});

test("a repository made private after the freeze disappears from the minutes when they are next written", async () => {
  stage = await start();
  stage.e2e.clock.set("2024-03-28T16:30:00Z");
  expect(await stage.tick()).toEqual(["freeze-agenda 2024-03-28"]);
  expect(frozenGroups()).toEqual([`nodejs/${ASSESSMENTS}: #178 Review CVE-2024-24806 in libuv`, "nodejs/security-wg: #1255 Node.js Security Initiatives 2024"]);

  await makePrivate(ASSESSMENTS);
  await retitle(ASSESSMENTS, 178, EMBARGOED);
  await stage.e2e.settle();
  stage.e2e.clock.set("2024-03-28T17:00:00Z");
  expect(await stage.tick()).toEqual(["open-minutes 2024-03-28"]);
  const minutes = stage.e2e.file(HOME, MINUTES_PATH, MINUTES_BRANCH) ?? "";
  expect(minutes).toContain("Node.js Security Initiatives 2024");
  expect(minutes).not.toContain(ASSESSMENTS);
  expect(minutes).not.toContain("CVE-2024-24806");
  expect(publicText()).not.toContain(EMBARGOED);
});

test("a repository made private while search lags leaves the agenda at once, stays off it on the next refresh, and comes back when made public", async () => {
  stage = await start();
  const { e2e } = stage;
  e2e.searchLag(60 * 60 * 1000);
  await makePrivate(ASSESSMENTS);
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/security-wg#1255"]);
  // Nothing of it, its state included: the fact that keeps it off names it by a hash.
  expect(readable(meetingIssue(e2e).body ?? "")).not.toMatch(/CVE-2024-24806|nodejs-dependency-vuln-assessments/);

  // Another refresh while search still shows the repository as public.
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [LABEL] });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/node#52575", "nodejs/security-wg#1255"]);
  expect(readable(meetingIssue(e2e).body ?? "")).not.toMatch(/CVE-2024-24806|nodejs-dependency-vuln-assessments/);
  expect(readable(stage.infoLog.join("\n"))).not.toMatch(/CVE-2024-24806|nodejs-dependency-vuln-assessments|#178\b/);

  await makePrivate(ASSESSMENTS, false);
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toEqual(["nodejs/node#52575", `nodejs/${ASSESSMENTS}#178`, "nodejs/security-wg#1255"]);
});

test("/agenda add of an item in a private repository and of one in a repository that does not exist get the same answer", async () => {
  stage = await start();
  const [hidden] = await comment("RafaelGSS", "/agenda add nodejs/security-advisories#41");
  const [missing] = await comment("RafaelGSS", "/agenda add nodejs/no-such-repository#41");
  expect(hidden?.replaceAll("security-advisories", "no-such-repository")).toBe(missing);
  expect(missing).toMatchInlineSnapshot(`
"> /agenda add nodejs/no-such-repository#​41

Nothing changed: nodejs/no-such-repository#41 is not an item this meeting can show: it does not exist, the app cannot see it, or its repository is not public while the meeting's issues and minutes are public."
`);
  // A repository the meeting may show keeps the useful answer.
  expect(await comment("RafaelGSS", "/agenda add nodejs/node#99999")).toEqual(["> /agenda add nodejs/node#\u200B99999\n\nNothing changed: nodejs/node#99999 does not exist."]);
  expect(publicText()).not.toContain("llhttp");
});

test("an item transferred to a private repository: nothing of its new location reaches the meeting issue, its state, the minutes, a reply or the log", async () => {
  stage = await start();
  const { e2e } = stage;
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "undici", issue_number: 3054, labels: [LABEL] });
  await e2e.settle();
  expect(agendaItems(meetingIssue(e2e))).toContain("nodejs/undici#3054");

  // During the meeting the item moves into the private advisories repository and is retitled there.
  e2e.clock.set("2024-03-28T16:30:00Z");
  const moved = (await control(e2e, "POST", "/repos/nodejs/undici/issues/3054/transfer", { to: "nodejs/security-advisories", sender: "mhdawson" })) as { number: number };
  await retitle("security-advisories", moved.number, EMBARGOED);
  await e2e.settle();

  expect(await comment("RafaelGSS", "/agenda add nodejs/undici#3054")).toEqual(["> /agenda add nodejs/undici#\u200B3054\n\nNothing changed: nodejs/undici#3054 does not exist."]);
  expect(await stage.tick()).toEqual(["freeze-agenda 2024-03-28"]);
  expect(frozenGroups()).toEqual([`nodejs/${ASSESSMENTS}: #178 Review CVE-2024-24806 in libuv`, "nodejs/security-wg: #1255 Node.js Security Initiatives 2024"]);
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(await stage.tick()).toEqual(["open-minutes 2024-03-28"]);

  const text = publicText();
  expect(text).not.toContain(EMBARGOED);
  expect(text).not.toContain("security-advisories");
  expect(text).not.toMatch(new RegExp(`[#/]${moved.number}\\b`));
});

test("in a dry run, the info-level log of a freeze shows nothing of a repository made private since the agenda was written", async () => {
  stage = await start();
  const { e2e } = stage;
  const mhdawson = e2e.as("mhdawson").rest;
  const { data: config } = await mhdawson.repos.getContent({ owner: "nodejs", repo: "security-wg", path: CONFIG_PATH });
  await mhdawson.repos.createOrUpdateFileContents({
    owner: "nodejs",
    repo: "security-wg",
    path: CONFIG_PATH,
    message: "Security WG: dry run",
    content: Buffer.from(`${e2e.file(HOME, CONFIG_PATH) ?? ""}    dry_run: true\n`).toString("base64"),
    sha: (config as { sha: string }).sha,
  });
  await e2e.settle();

  e2e.clock.set("2024-03-28T16:30:00Z");
  await makePrivate(ASSESSMENTS);
  await retitle(ASSESSMENTS, 178, EMBARGOED);
  await e2e.settle();
  expect(await stage.tick()).toEqual(["freeze-agenda 2024-03-28"]);
  const wouldWrite = stage.infoLog.filter((line) => line.startsWith("dry run: would update the state"));
  expect(wouldWrite).toHaveLength(1);
  expect(readable(wouldWrite.join("\n"))).toContain("Node.js Security Initiatives 2024");
  expect(readable(stage.infoLog.join("\n"))).not.toContain(EMBARGOED);
});

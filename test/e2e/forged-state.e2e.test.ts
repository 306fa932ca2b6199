// Nobody but the app decides which issue is a meeting issue and what its state says: a stranger's
// issue with a copied marker and a forged state is not acted on, and a state edited or copied by
// a person with write access is detected, ignored and written anew.
import type { E2E } from "./harness.js";
import { startE2E } from "./harness.js";
import { drafterProcess, stepsDone } from "./drafter-app.js";
import { HOME, stateOf } from "./live-issue-app.js";
import type { MeetingState } from "../../src/publish/meeting-state.js";
import type { TickRun } from "../../src/scheduler/run-tick.js";

const [OWNER, REPO] = HOME.split("/") as [string, string];
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";
const MINUTES_PATH = "meetings/2024-03-28.md";
const PHISHING = "https://evil.example/login";

// mallory is nobody the snapshot names; targos may write to the home repo; RafaelGSS steers.
const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
users:
  RafaelGSS: { name: Rafael Gonzaga }
  mhdawson: { name: Michael Dawson }
  targos: { name: Michaël Zasso }
orgs:
  nodejs:
    owners: [mhdawson]
    members: [mhdawson, RafaelGSS, targos]
    teams:
      security-wg: { name: Security WG, members: [RafaelGSS] }
    repos:
      security-wg:
        collaborators: { RafaelGSS: triage, targos: write }
        labels:
          security-wg-agenda: { color: "5319e7" }
          meeting: { color: "0e8a16" }
        files:
          .github/agenda-drafter.yml: |
            meetings:
              security-wg:
                name: Node.js Security team
                agenda_labels: [security-wg-agenda]
                schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
                invited: ["@nodejs/security-wg"]
                timezones: [UTC]
        issues:
          - { number: 1255, title: "Node.js Security Initiatives 2024", labels: [security-wg-agenda], author: RafaelGSS, created_at: "2024-01-09T14:02:11Z" }
installations:
  - { id: 4001, account: nodejs }
`;

let e2e: E2E;
let tick: () => Promise<TickRun>;
let warnings: string[];
let realNumber: number;

beforeEach(async () => {
  const replica = drafterProcess();
  warnings = [];
  e2e = await startE2E({
    snapshot: SNAPSHOT,
    app: (probot, options) => {
      probot.log.warn = ((message: string) => void warnings.push(message)) as typeof probot.log.warn;
      return replica.app(probot, options);
    },
    idle: replica.drafter.idle,
  });
  await e2e.settle();
  tick = async () => {
    const run = await replica.drafter.tick();
    await e2e.settle();
    return run;
  };
  const issues = e2e.issues(HOME).filter((issue) => issue.body?.includes("agenda-drafter:meeting"));
  expect(issues).toHaveLength(1);
  realNumber = (issues[0] as { number: number }).number;
});
afterEach(async () => e2e?.close());

/** The state block's JSON, read as anyone can read it, verified or not (it is not secret, only signed). */
function stateIn(body: string): MeetingState {
  const encoded = /<!-- agenda-drafter:state ([A-Za-z0-9_-]+)/.exec(body)?.[1];
  if (encoded === undefined) throw new Error(`no state block in:\n${body}`);
  return JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as MeetingState;
}

/** `body` with its state block replaced by `state`, encoded as the app encodes it but not signed by it. */
function withForgedState(body: string, state: MeetingState): string {
  const encoded = Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
  return body.replace(/<!-- agenda-drafter:state .*? -->/, `<!-- agenda-drafter:state ${encoded} -->`);
}

const FORGED_ITEM = {
  repo: "nodejs/security-wg",
  number: 1255,
  kind: "issue" as const,
  title: "Sign in to see the agenda",
  url: PHISHING,
  author: null,
  labels: [],
  createdAt: "2024-01-09T14:02:11Z",
  updatedAt: "2024-01-09T14:02:11Z",
};

function forged(state: MeetingState): MeetingState {
  return {
    ...state,
    frozen: { at: "2024-03-26T09:00:00.000Z", groups: [{ repo: "nodejs/security-wg", items: [FORGED_ITEM] }], searchUrls: [PHISHING] },
    minutes: { number: 1, url: PHISHING, state: "open", frozenAgenda: false },
    reschedule: { start: "2024-03-29T17:00:00.000Z", zone: "UTC" },
  } as MeetingState;
}

async function comment(login: string, issueNumber: number, body: string): Promise<void> {
  await e2e.as(login).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: issueNumber, body });
  await e2e.settle();
}

function writesSince(from: number): string[] {
  return e2e.appWrites().slice(from).map((request) => `${request.method} ${request.path}`);
}

test("a stranger's issue with a copied marker and a forged state runs no command: the app writes nothing, the real minutes branch stays untouched", async () => {
  const real = e2e.issue(HOME, realNumber);
  const before = e2e.appWrites().length;
  const { data: fake } = await e2e.as("mallory").rest.issues.create({
    owner: OWNER,
    repo: REPO,
    title: real.title,
    body: withForgedState(real.body ?? "", forged(stateIn(real.body ?? ""))),
  });
  await e2e.settle();
  await comment("mallory", fake.number, "/present");
  await comment("mallory", fake.number, "/minutes");
  await comment("mallory", fake.number, "/meeting reschedule 2024-03-29 17:00");

  // At most the comment claim and one reply per comment; here not even that, as the issue is no meeting issue.
  const writes = writesSince(before);
  expect(writes.filter((write) => write !== `POST /repos/${HOME}/git/refs` && write !== `POST /repos/${HOME}/issues/${fake.number}/comments`)).toEqual([]);
  expect(writes.filter((write) => write.endsWith(`/issues/${fake.number}/comments`)).length).toBeLessThanOrEqual(3);
  expect(e2e.pullRequests(HOME)).toEqual([]);
  expect(e2e.file(HOME, MINUTES_PATH, MINUTES_BRANCH)).toBeUndefined();
  expect(e2e.issue(HOME, realNumber).body).toBe(real.body);
  expect(e2e.issue(HOME, realNumber).title).toBe(real.title);

  // A triager labels the stranger's issue as a meeting issue, in good faith: the tick still keeps to the claimed one.
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: fake.number, labels: ["meeting"] });
  await e2e.settle();
  const fakeBody = e2e.issue(HOME, fake.number).body;
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
  expect(e2e.pullRequests(HOME).map((pull) => pull.pullRequest.head.ref)).toEqual([MINUTES_BRANCH]);
  expect(e2e.file(HOME, MINUTES_PATH, MINUTES_BRANCH)).toContain("Node.js Security Initiatives 2024");
  expect(e2e.file(HOME, MINUTES_PATH, MINUTES_BRANCH)).not.toContain("evil.example");
  expect(e2e.issue(HOME, fake.number).body).toBe(fakeBody);
  expect(e2e.issue(HOME, fake.number).state).toBe("open");
});

test("a state block edited by a person with write access is detected, ignored, logged, and written anew verified", async () => {
  const real = e2e.issue(HOME, realNumber);
  const state = stateIn(real.body ?? "");
  await e2e.as("targos").rest.issues.update({ owner: OWNER, repo: REPO, issue_number: realNumber, body: withForgedState(real.body ?? "", forged(state)) });
  await e2e.settle();

  const logged = warnings.filter((warning) => warning.includes(`#${realNumber}`) && warning.includes("state"));
  expect(logged).toHaveLength(1);
  expect(logged[0]).not.toContain("evil.example");
  expect(logged[0]).not.toContain("\n");
  const restored = stateIn(e2e.issue(HOME, realNumber).body ?? "");
  expect(stateOf(e2e.issue(HOME, realNumber))).toEqual(restored);
  expect(restored.minutes).toBeUndefined();
  expect(restored.frozen).toBeUndefined();
  expect(restored.reschedule).toBeUndefined();
  expect(restored.agendaItems).toEqual(state.agendaItems);
  expect(e2e.issue(HOME, realNumber).title).toBe(real.title);

  // The meeting takes place when the schedule says, and its minutes come from the real agenda.
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
  expect(e2e.pullRequests(HOME).map((pull) => pull.pullRequest.head.ref)).toEqual([MINUTES_BRANCH]);
  expect(e2e.file(HOME, MINUTES_PATH, MINUTES_BRANCH)).not.toContain("evil.example");
});

test("after the start, a forged minutes record does not stop the minutes, nor does a forged reschedule open a second pull request", async () => {
  e2e.clock.set("2024-03-28T16:05:00Z");
  expect(stepsDone(await tick())).toEqual(["freeze-agenda 2024-03-28"]);
  const real = e2e.issue(HOME, realNumber);
  await e2e.as("targos").rest.issues.update({ owner: OWNER, repo: REPO, issue_number: realNumber, body: withForgedState(real.body ?? "", forged(stateIn(real.body ?? ""))) });
  await e2e.settle();

  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
  e2e.clock.set("2024-03-29T18:30:00Z");
  await tick();
  expect(e2e.pullRequests(HOME).map((pull) => pull.pullRequest.head.ref)).toEqual([MINUTES_BRANCH]);
  const minutes = e2e.file(HOME, MINUTES_PATH, MINUTES_BRANCH) ?? "";
  expect(minutes).toContain("Node.js Security Initiatives 2024");
  expect(minutes).not.toContain("evil.example");
  const state = stateIn(e2e.issue(HOME, realNumber).body ?? "");
  expect(stateOf(e2e.issue(HOME, realNumber))).toEqual(state);
  expect(state.minutes?.url).toContain("/pull/");
  expect(state.reschedule).toBeUndefined();
});

test("a person's copy of the meeting issue, state and all, is no meeting issue: commands on it do nothing", async () => {
  const real = e2e.issue(HOME, realNumber);
  const before = e2e.appWrites().length;
  const { data: copy } = await e2e.as("RafaelGSS").rest.issues.create({ owner: OWNER, repo: REPO, title: real.title, body: real.body ?? "", labels: ["meeting"] });
  await e2e.settle();
  await comment("RafaelGSS", copy.number, "/present\n/minutes");
  expect(writesSince(before).filter((write) => write !== `POST /repos/${HOME}/git/refs` && write !== `POST /repos/${HOME}/issues/${copy.number}/comments`)).toEqual([]);
  expect(e2e.pullRequests(HOME)).toEqual([]);
  expect(e2e.issue(HOME, copy.number).body).toBe(real.body);
  expect(e2e.issue(HOME, realNumber).body).toBe(real.body);
});

test("a stranger editing their own issue with a copied marker sets off no refresh of the meeting and no warning", async () => {
  const real = e2e.issue(HOME, realNumber);
  const mallory = e2e.as("mallory").rest.issues;
  const { data: copy } = await mallory.create({ owner: OWNER, repo: REPO, title: "Node.js Security team Meeting 2024-03-28", body: real.body ?? "" });
  await e2e.settle();
  const appRequests: string[] = [];
  e2e.sandbox.onRequest((request) => {
    if (request.actor.kind === "installation") appRequests.push(`${request.method} ${request.path}`);
  });
  warnings.length = 0;
  for (let edit = 0; edit < 3; edit++) {
    await mallory.update({ owner: OWNER, repo: REPO, issue_number: copy.number, body: `${real.body ?? ""}\n\nedit ${edit}` });
    await e2e.settle();
  }
  // At most the one read of the occurrence's claim, which then stays known: no search, no listing, no write.
  expect(appRequests.filter((line) => !line.includes("/git/"))).toEqual([]);
  expect(warnings).toEqual([]);
});

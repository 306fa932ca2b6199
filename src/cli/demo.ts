import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { IssueRecord, Stage } from "@agenda-drafter/github-sandbox";
import { createAgendaDrafter } from "../app/create-agenda-drafter.js";
import { StateSigner } from "../publish/state-signer.js";
import { createMemoryRegistry, type MeetingRegistry } from "../registry/meeting-registry.js";
import { UserError } from "../errors.js";
import { parseBody } from "../publish/issue-body.js";
import { CRON_PATH } from "../scheduler/cron-endpoint.js";
import { feedPath, pagePath } from "../render/page/page-paths.js";
import type { TickRun } from "../scheduler/run-tick.js";
import { loadSandbox } from "./load-sandbox.js";
import type { Output } from "./output.js";

const exampleOrg = fileURLToPath(new URL("../../examples/nodejs.yml", import.meta.url));

// The story follows the Security WG's meeting of 2024-03-28, 16:00 to 17:00 UTC, in the example org.
const HOME = "nodejs/security-wg";
const MEETING = `${HOME} security-wg`;
const OCCURRENCE = "2024-03-28";
const AGENDA_LABEL = "security-wg-agenda";
const AT_START = "2024-03-28T16:01:00Z";
const AFTER_END = "2024-03-28T17:05:00Z";
/** Short, so that the story moves on quickly; the app still coalesces each burst of webhooks. */
const DEBOUNCE_MS = 100;

interface Story {
  stage: Stage;
  registry: MeetingRegistry;
  cronSecret: string;
  say(text: string): void;
  /** What the story showed, and what it could not show because the app did not do it. */
  done: string[];
  skipped: string[];
}

/**
 * The demo: starts the sandbox with the example org and the app against it, then plays the story
 * of one Security WG meeting. Without `--keep` it stops everything at the end. `stopSignal`
 * resolves when a person stops a kept demo (Ctrl-C by default).
 */
export async function demo(args: string[], output: Output, stopSignal: () => Promise<void> = interrupted): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { keep: { type: "boolean", default: false }, port: { type: "string", default: "3001" } },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number, got "${values.port}".`);

  const { startStage } = await loadSandbox();
  const registry = createMemoryRegistry();
  // The story moves the clock, then ticks through the app's cron endpoint as an external cron would.
  const cronSecret = randomBytes(24).toString("hex");
  let sandboxNow: () => Date = () => new Date();
  // The story's app signs its state with a key of the story's own, as a real app with its private key.
  const stateSigner = StateSigner.fromSecret(randomBytes(32).toString("base64url"));
  const drafter = createAgendaDrafter({ stateSigner, debounceMs: DEBOUNCE_MS, registry, now: () => sandboxNow(), cronSecret });
  const stage = await startStage({
    snapshotFile: exampleOrg,
    port,
    app: (probot, options) => {
      sandboxNow = options.now;
      return drafter.app(probot, options);
    },
    idle: drafter.idle,
    // The app's own errors belong in the demo's output: a step that did not happen says why.
    logLevel: "error",
  }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === "EADDRINUSE") throw new UserError(`port ${port} is in use; choose another with --port (0: any free port).`);
    throw error;
  });

  try {
    const story: Story = { stage, registry, cronSecret, say: (text) => output.print(text), done: [], skipped: [] };
    await playStory(story);
    output.print(`\nSummary: ${story.done.length} steps shown: ${story.done.join("; ")}.`);
    if (story.skipped.length > 0) output.print(`Skipped, as the app did not do it: ${story.skipped.join("; ")}.`);
    if (values.keep) {
      output.print(`\nStill running: the sandbox at ${stage.url}/ and the app at ${stage.appUrl}, its meetings page at ${stage.appUrl}${pagePath("nodejs")}. Ctrl-C stops both.`);
      await stopSignal();
    }
  } finally {
    drafter.stop();
    await stage.close();
  }
}

async function playStory(story: Story): Promise<void> {
  const { stage, say } = story;
  say(`Sandbox GitHub with the example org nodejs: ${stage.url}/ (clock ${shortTime(stage.clock.now())})`);

  await stage.settle();
  const installations = stage.sandbox.state.installations.map((installation) => installation.id);
  const meetings = (await Promise.all(installations.map((id) => story.registry.meetings(id)))).flat();
  say(`1. The app starts as a Probot server (${stage.appUrl}) and finds ${meetings.length} meetings: ${meetings.map((meeting) => `${meeting.id} in ${meeting.home.owner}/${meeting.home.repo}`).join(", ")}.`);
  const issue = meetingIssue(stage);
  if (!issue) {
    say(`   skipped: the app opened no meeting issue for ${OCCURRENCE} in ${HOME}, and the rest of the story needs it.`);
    story.skipped.push("the meeting issue and everything after it");
    return;
  }
  say(`   It opens ${HOME}#${issue.number} "${issue.title}" with ${agendaItems(issue).length} items: ${page(stage, HOME, issue)}`);
  story.done.push(`the app opened the meeting issue ${HOME}#${issue.number}`);

  await labelItems(story, issue.number);
  await commentCommands(story, issue.number);
  await passTheMeeting(story);
  await showPage(story);
}

/** The story ends on the meetings page and the feed a person subscribes to, served by the app. */
async function showPage(story: Story): Promise<void> {
  const { stage, say } = story;
  const pageUrl = `${stage.appUrl}${pagePath("nodejs")}`;
  const feedUrl = `${stage.appUrl}${feedPath("nodejs")}`;
  const [page, feed] = await Promise.all([fetch(pageUrl), fetch(feedUrl)]);
  if (!page.ok || !feed.ok) {
    say(`6. skipped: the app's meetings page or feed answered ${page.status} and ${feed.status}.`);
    story.skipped.push("the meetings page and feed");
    return;
  }
  say(`6. The meetings page shows what is next, with the live agenda and past minutes: ${pageUrl}`);
  say(`   Calendars subscribe to the feed: ${feedUrl} (its github.com links open on the sandbox at ${stage.url}/<owner>/<repo>/...)`);
  story.done.push("the meetings page and the feed");
}

async function labelItems(story: Story, issueNumber: number): Promise<void> {
  const { stage, say } = story;
  const before = agendaItems(stage.issue(HOME, issueNumber));
  const rafael = stage.as("RafaelGSS");
  await rafael.rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [AGENDA_LABEL] });
  await rafael.rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 51971, labels: [AGENDA_LABEL] });
  await rafael.rest.issues.removeLabel({ owner: "nodejs", repo: "security-wg", issue_number: 1159, name: AGENDA_LABEL });
  await stage.settle();
  say(`2. RafaelGSS labels nodejs/node#52575 and nodejs/node#51971 ${AGENDA_LABEL}, and takes the label off ${HOME}#1159.`);
  const changes = agendaChanges(before, agendaItems(stage.issue(HOME, issueNumber)));
  if (changes.length === 0) {
    say("   skipped: the meeting issue did not follow the labels.");
    story.skipped.push("the meeting issue following the labels");
    return;
  }
  say(`   The meeting issue follows: ${changes.join(", ")}.`);
  story.done.push("the meeting issue followed the labels");
}

async function commentCommands(story: Story, issueNumber: number): Promise<void> {
  const { stage, say } = story;
  const before = agendaItems(stage.issue(HOME, issueNumber));
  const commentCount = stage.comments(HOME, issueNumber).length;
  await stage.as("mhdawson").rest.issues.createComment({
    owner: "nodejs",
    repo: "security-wg",
    issue_number: issueNumber,
    body: "/agenda add nodejs/node#52459\n/present",
  });
  await stage.settle();
  say(`3. mhdawson comments "/agenda add nodejs/node#52459" and "/present" on ${HOME}#${issueNumber}.`);
  const reply = stage.comments(HOME, issueNumber).slice(commentCount).find((comment) => comment.author.endsWith("[bot]"));
  if (!reply) {
    say("   skipped: the app does not answer comment commands; the comment stays unanswered.");
    story.skipped.push("comment commands");
    return;
  }
  const changes = agendaChanges(before, agendaItems(stage.issue(HOME, issueNumber)));
  say(`   The app replies "${replySummary(reply.body)}"${changes.length > 0 ? `; the agenda: ${changes.join(", ")}` : ""}.`);
  story.done.push("the app ran mhdawson's commands");
}

async function passTheMeeting(story: Story): Promise<void> {
  const { stage, say } = story;
  stage.clock.set(AT_START);
  const atStart = await tick(story);
  if (atStart === undefined) {
    say(`4. The clock reaches the meeting (${shortTime(new Date(AT_START))}).`);
    say(`   skipped: the app has no tick endpoint (POST ${CRON_PATH} answers 404): nothing freezes the agenda or opens the minutes.`);
    story.skipped.push("the ticks at the meeting's start and end (agenda freeze, minutes pull request)");
    return;
  }
  say(`4. The clock reaches the meeting (${shortTime(new Date(AT_START))}); a tick runs: ${stepsOf(atStart)}.`);
  stage.clock.set(AFTER_END);
  const afterEnd = await tick(story);
  say(`5. The clock passes the meeting's end (${shortTime(new Date(AFTER_END))}); a tick runs: ${stepsOf(afterEnd)}.`);
  story.done.push("the clock passed the meeting");

  const minutes = stage.pullRequests(HOME).find((pull) => pull.author?.endsWith("[bot]"));
  if (!minutes) {
    say("   skipped: no minutes pull request opened.");
    story.skipped.push("the minutes pull request");
    return;
  }
  const files = await stage.as("mhdawson").rest.pulls.listFiles({ owner: "nodejs", repo: "security-wg", pull_number: minutes.number });
  const paths = files.data.map((file) => file.filename);
  const text = paths[0] === undefined ? undefined : stage.file(HOME, paths[0], minutes.pullRequest.head.ref);
  const present = text?.replaceAll("\u200B", "").includes("@mhdawson") ? ", mhdawson among those present" : "";
  say(`   The minutes pull request ${HOME}#${minutes.number} opens with ${paths.join(", ")}${present}: ${page(stage, HOME, minutes)}`);
  story.done.push(`the minutes pull request ${HOME}#${minutes.number} opened`);
}

/** One tick through the app's cron endpoint, then the app's reactions; undefined when the app has no such endpoint. */
async function tick(story: Story): Promise<TickRun | undefined> {
  const response = await fetch(`${story.stage.appUrl}${CRON_PATH}`, { method: "POST", headers: { authorization: `Bearer ${story.cronSecret}` } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`The app's tick failed: ${response.status} ${await response.text()}`);
  const run = (await response.json()) as TickRun;
  await story.stage.settle();
  return run;
}

/** The Security WG's steps of a tick, as `freeze-agenda 2024-03-28`; errors included. */
function stepsOf(run: TickRun | undefined): string {
  if (run?.kind !== "ran") return "nothing (another tick held the lock)";
  const meeting = run.meetings.find((candidate) => candidate.meeting === MEETING);
  if (meeting?.error !== undefined) return `failed: ${meeting.error}`;
  return meeting && meeting.done.length > 0 ? meeting.done.join(", ") : "nothing to do";
}

function meetingIssue(stage: Stage): IssueRecord | undefined {
  return stage.issues(HOME).find((issue) => {
    const marker = parseBody(issue.body).marker;
    return marker?.meeting === "security-wg" && marker.occurrence === OCCURRENCE;
  });
}

/** The agenda's items as `owner/name#number`, in the issue's order. */
function agendaItems(issue: IssueRecord): string[] {
  const agenda = parseBody(issue.body).agenda ?? "";
  return [...agenda.matchAll(/\]\(https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)\)/g)].map((match) => `${match[1]}#${match[2]}`);
}

function agendaChanges(before: string[], after: string[]): string[] {
  return [...after.filter((item) => !before.includes(item)).map((item) => `+${item}`), ...before.filter((item) => !after.includes(item)).map((item) => `-${item}`)];
}

/** The reply's answers to each command (not the quoted commands), on one line. */
function replySummary(body: string): string {
  const answers: string[][] = [[]];
  // The reply's mentions carry a zero-width space so that GitHub notifies no one; a terminal needs none.
  for (const line of body.replace(/\u200b/g, "").split("\n")) {
    if (line.startsWith(">")) answers.push([]);
    // An HTML comment (the app's hidden write id) shows on GitHub as nothing.
    else if (line.trim() !== "" && !/^<!--.*-->$/.test(line.trim())) answers.at(-1)?.push(line.replace(/^[*-] /, "").trim());
  }
  const text = answers.filter((lines) => lines.length > 0).map((lines) => lines.join(" ")).join("; ");
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

function page(stage: Stage, repo: string, issue: IssueRecord): string {
  return `${stage.url}/${repo}/${issue.pullRequest ? "pull" : "issues"}/${issue.number}`;
}

function shortTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => process.once("SIGINT", () => resolve()).once("SIGTERM", () => resolve()));
}

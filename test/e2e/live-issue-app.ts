// The agenda drafter on the end-to-end harness, and ways to read its meeting issue, for the
// live-issue end-to-end tests.
import { readFileSync } from "node:fs";
import type { IssueRecord } from "@agenda-drafter/github-sandbox";
import { parse, stringify } from "yaml";
import { createAgendaDrafter } from "../../src/app/create-agenda-drafter.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { startE2E, type E2E, type E2EOptions } from "./harness.js";
import { TEST_STATE_SIGNER, testSeal } from "../fixtures/state-signer.js";
import type { MeetingState } from "../../src/publish/meeting-state.js";

export const HOME = "nodejs/security-wg";
export const SNAPSHOT_FILE = new URL("../fixtures/e2e/nodejs-security-wg.yml", import.meta.url).pathname;

/** Short, so that a test waits for the coalescing window in `settle()` and never sleeps. */
const DEBOUNCE_MS = 60;
/** Long enough for another process that claimed an occurrence to create its issue over HTTP. */
const CLAIM_WAIT_MS = 2_000;
/** A second of the wait before failed work runs again, shortened as the stage shortens Probot's retries. */
const RETRY_WAIT_UNIT_MS = 10;

/** The snapshot with changes: `edit` changes the parsed YAML in place. */
export function snapshotWith(edit: (snapshot: SnapshotDocument) => void): string {
  const snapshot = parse(readFileSync(SNAPSHOT_FILE, "utf8")) as SnapshotDocument;
  edit(snapshot);
  return stringify(snapshot);
}

export interface SnapshotDocument {
  now: string;
  orgs: { nodejs: { repos: Record<string, { files?: Record<string, string>; issues: Record<string, unknown>[] }> } };
}

/** The app as `probot run` would run it, with the sandbox clock as its clock. */
export function agendaDrafterApp(): { app: E2EOptions["app"]; idle: () => Promise<void> } {
  let now: () => Date = () => new Date();
  const drafter = createAgendaDrafter({ stateSigner: TEST_STATE_SIGNER, debounceMs: DEBOUNCE_MS, now: () => now(), claimWaitMs: CLAIM_WAIT_MS, retryWaitUnitMs: RETRY_WAIT_UNIT_MS });
  return {
    app: (probot, options) => {
      now = options.now;
      return drafter.app(probot, options);
    },
    idle: drafter.settled,
  };
}

/** The sandbox with the app started on it, once the app's start-up work is done. */
export async function startLiveIssueApp(snapshot?: string): Promise<E2E> {
  const drafter = agendaDrafterApp();
  const e2e = await startE2E({
    ...(snapshot === undefined ? { snapshotFile: SNAPSHOT_FILE } : { snapshot }),
    app: drafter.app,
    idle: drafter.idle,
  });
  await e2e.settle();
  return e2e;
}

/** The home repo's issues that bear the app's marker. */
export function meetingIssues(e2e: E2E): IssueRecord[] {
  return e2e.issues(HOME).filter((issue) => parseBody(issue.body).marker !== undefined);
}

/** The one meeting issue of the occurrence; fails the test when there is none or more than one. */
export function meetingIssue(e2e: E2E): IssueRecord {
  const issues = meetingIssues(e2e);
  if (issues.length !== 1) throw new Error(`expected one meeting issue in ${HOME}, found ${issues.map((issue) => `#${issue.number}`).join(", ") || "none"}`);
  return issues[0] as IssueRecord;
}

/** The agenda's items, as `owner/name#number`, in the order the issue lists them. */
export function agendaItems(issue: IssueRecord): string[] {
  const agenda = parseBody(issue.body).agenda ?? "";
  return [...agenda.matchAll(/\]\(https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)\)/g)].map((match) => `${match[1]}#${match[2]}`);
}

/** The app's writes as `METHOD path status`, for comparing with what a test expects. */
export function writeLines(e2e: E2E, from = 0): string[] {
  return e2e.appWrites().slice(from).map((request) => `${request.method} ${request.path} ${request.status}`);
}

/** A sandbox control endpoint: what a person does on GitHub's pages (transfer, delete). */
export async function control(e2e: E2E, method: "POST" | "DELETE", path: string, body: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(`${e2e.url}/_sandbox${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} /_sandbox${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** The state the app signed into a meeting issue; undefined when there is none, or it does not verify. */
export function stateOf(issue: IssueRecord): MeetingState | undefined {
  return parseBody(issue.body, testSeal(issue.number, HOME)).state;
}

/** The agenda block of the meeting issue, as people read it. */
export function agendaText(issue: IssueRecord): string {
  return parseBody(issue.body).agenda ?? "";
}

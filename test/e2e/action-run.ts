// Runs the GitHub Action as a workflow step does: the committed bundle (action.yml's `runs.main`)
// on node, in a child process, with the variables GitHub Actions sets on a runner and the inputs
// as it passes them (`INPUT_DRY-RUN`, hyphen kept), against a sandbox served over HTTP, which is
// laid out as GitHub Enterprise Server is (`/api/v3`, `/api/graphql`).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { ProbotOctokit } from "probot";
import type { SandboxOctokit } from "@agenda-drafter/github-sandbox";
import type { E2E } from "./harness.js";
import { HOME } from "./live-issue-app.js";

export const ACTION_ENTRY = fileURLToPath(new URL(`../../${(parse(readFileSync(new URL("../../action.yml", import.meta.url), "utf8")) as { runs: { main: string } }).runs.main}`, import.meta.url));
export const STATE_KEY = "action-e2e-state-key-of-32-characters-or-more";

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface StepOptions {
  token: string;
  event: string;
  payload: unknown;
  inputs?: Record<string, string>;
}

/** One run of the step, with a fresh runner temp folder holding the event payload. */
export async function runStep(e2e: E2E, options: StepOptions): Promise<StepRun> {
  const temp = mkdtempSync(join(tmpdir(), "agenda-drafter-action-"));
  const eventPath = join(temp, "event.json");
  writeFileSync(eventPath, JSON.stringify(options.payload));
  const inputs = { token: options.token, "state-key": STATE_KEY, "dry-run": "false", meeting: "", "log-level": "info", ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: HOME,
    GITHUB_REPOSITORY_OWNER: HOME.split("/")[0] ?? "",
    GITHUB_SERVER_URL: e2e.url,
    GITHUB_API_URL: `${e2e.url}/api/v3`,
    GITHUB_GRAPHQL_URL: `${e2e.url}/api/graphql`,
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_WORKFLOW: "agenda-drafter",
    RUNNER_TEMP: temp,
    RUNNER_OS: "Linux",
    // The sandbox's clock, which the tests move.
    AGENDA_DRAFTER_CLOCK_URL: `${e2e.url}/_sandbox/clock`,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  try {
    return await new Promise<StepRun>((resolve) => {
      execFile(process.execPath, [ACTION_ENTRY], { env, timeout: 120_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** A workflow run's GITHUB_TOKEN in the home repo. */
export async function workflowToken(e2e: E2E): Promise<string> {
  const response = await fetch(`${e2e.url}/_sandbox/workflow-tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ repository: HOME }) });
  return ((await response.json()) as { token: string }).token;
}

/** An installation token of the app, as actions/create-github-app-token hands one out from the app's id and key. */
export async function appToken(e2e: E2E, installationId: number): Promise<string> {
  const app = await e2e.probot.auth();
  return (await app.rest.apps.createInstallationAccessToken({ installation_id: installationId })).data.token;
}

/** A client acting with a token, as another step of the workflow would. */
export function tokenClient(e2e: E2E, token: string): SandboxOctokit {
  return new ProbotOctokit({ auth: { token }, baseUrl: `${e2e.url}/api/v3`, retry: { enabled: false }, throttle: { enabled: false } }) as unknown as SandboxOctokit;
}

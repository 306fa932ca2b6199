import { Probot, ProbotOctokit } from "probot";
import type { GitHub, RepoRef } from "../github.js";
import type { Log } from "../log.js";
import type { Meeting } from "../model.js";
import { UserError } from "../errors.js";
import { createAgendaDrafter } from "../app/create-agenda-drafter.js";
import { clockFromEnv } from "../app/clock-from-env.js";
import { REQUEST_TIMEOUT_ENV, requestTimeoutFromEnv } from "../app/request-timeout.js";
import { createMemoryRegistry, type MeetingRegistry } from "../registry/meeting-registry.js";
import { loadRepoMeetings } from "../registry/discover-meetings.js";
import { StateSigner } from "../publish/state-signer.js";
import type { TickRun } from "../scheduler/run-tick.js";
import { actionSettings, type ActionSettings } from "./action-settings.js";
import { servingRegistry } from "./serving-registry.js";
import { actionWork, SUPPORTED_EVENTS } from "./action-events.js";
import type { WorkflowOutput } from "./workflow-output.js";

/**
 * The key the action's one "installation" is known by in the registry: a token serves what it
 * may reach, and the action serves the home repo's meetings with it.
 */
const ACTION_INSTALLATION_ID = 1;

/**
 * One run of the action: the workflow's event handled by the app's own webhook handlers
 * (`issues`, `issue_comment`, `pull_request`, `push`), or the app's tick (`schedule`,
 * `workflow_dispatch`), for the meetings the home repo declares, with the step's token. Returns
 * the exit code once every refresh the event asked for has been written.
 */
export async function runAction(env: NodeJS.ProcessEnv, output: WorkflowOutput): Promise<number> {
  try {
    const settings = actionSettings(env);
    const work = actionWork(settings.eventName, settings.eventPath);
    if (work.kind === "none") {
      output.annotate("notice", `agenda-drafter does nothing on ${settings.eventName} events; run it on ${SUPPORTED_EVENTS.join(", ")}.`);
      return 0;
    }
    const probot = new Probot({
      githubToken: settings.token,
      baseUrl: settings.apiUrl,
      logLevel: settings.logLevel,
      Octokit: ProbotOctokit.plugin(graphqlAt(settings.graphqlUrl)),
    });
    const log: Log = { info: (m) => probot.log.info(m), warn: (m) => probot.log.warn(m), error: (m) => probot.log.error(m) };
    const now = clockFromEnv(env);
    await now.ready;
    const installation = work.kind === "webhook" ? installationOf(work.payload) : ACTION_INSTALLATION_ID;
    const registry = servingRegistry(createMemoryRegistry(), settings);
    const meetings = await loadHomeMeetings((await probot.auth()) as GitHub, installation, settings, registry, log);
    if (meetings.length === 0) {
      output.annotate("warning", `${settings.home.owner}/${settings.home.repo} declares no meetings in .github/agenda-drafter.yml: nothing to do.`);
      if (work.kind === "tick") return 0;
    }
    const drafter = createAgendaDrafter({
      stateSigner: StateSigner.fromSecret(settings.stateKey),
      // One event per run: nothing to wait for more of.
      debounceMs: 0,
      now,
      registry,
      installations: async () => [{ id: installation }],
      requestTimeoutMs: requestTimeoutFromEnv(env[REQUEST_TIMEOUT_ENV]),
    });
    await probot.load(drafter.app);
    if (work.kind === "tick") return reportTick(await drafter.tick().finally(() => drafter.idle()), output);
    await probot.receive({ id: settings.runId, name: work.name, payload: work.payload } as Parameters<Probot["receive"]>[0]);
    await drafter.idle();
    return 0;
  } catch (error) {
    output.annotate("error", failure(error));
    return 1;
  }
}

/** The home repo's meetings that the run serves (see servingRegistry). */
async function loadHomeMeetings(octokit: GitHub, installation: number, settings: ActionSettings, registry: MeetingRegistry, log: Log): Promise<Meeting[]> {
  const home: RepoRef = settings.home;
  // Known, so that the app does not discover every repository the token can read: the action serves the home repo.
  await registry.markKnown(installation);
  const declared = await loadRepoMeetings(octokit, installation, home, registry, log);
  const served = await registry.meetings(installation);
  if (settings.meeting && served.length === 0) {
    const ids = declared.map((meeting) => meeting.id);
    throw new UserError(`The meeting input "${settings.meeting}" names no meeting of ${home.owner}/${home.repo}; it declares ${ids.length > 0 ? ids.join(", ") : "none"}.`);
  }
  return served;
}

/** The payload's installation when it has one; else the one the action's token stands for. */
function installationOf(payload: Record<string, unknown>): number {
  const id = (payload["installation"] as { id?: unknown } | undefined)?.id;
  if (typeof id === "number") return id;
  payload["installation"] = { id: ACTION_INSTALLATION_ID, node_id: "" };
  return ACTION_INSTALLATION_ID;
}

function reportTick(run: TickRun, output: WorkflowOutput): number {
  if (run.kind === "locked") {
    output.line("Another tick is running; nothing done.");
    return 0;
  }
  for (const meeting of run.meetings) {
    const what = meeting.error ? `failed: ${meeting.error}` : meeting.done.length > 0 ? meeting.done.join(", ") : "nothing due";
    output.line(`${meeting.meeting}: ${what}${meeting.skipped.length > 0 ? ` (skipped: ${meeting.skipped.join(", ")})` : ""}`);
  }
  const failed = run.meetings.filter((meeting) => meeting.error);
  for (const meeting of failed) output.annotate("error", `${meeting.meeting}: ${meeting.error}`);
  return failed.length > 0 ? 1 : 0;
}

/** GraphQL where GitHub Actions says it is (`GITHUB_GRAPHQL_URL`), on github.com and GitHub Enterprise Server alike. */
function graphqlAt(url: string) {
  return (octokit: Pick<GitHub, "hook">) => {
    octokit.hook.before("request", (options) => {
      if (options.url === "/graphql") options.url = url;
    });
  };
}

/** One message for the run's log: a handler's failures one per line, never a stack or a payload. */
function failure(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(failure).join("\n");
  return error instanceof Error ? error.message : String(error);
}

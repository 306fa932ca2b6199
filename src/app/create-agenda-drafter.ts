import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { gitHubAnswered, statusOf, type GitHub } from "../github.js";
import { activeInstallations } from "./active-installations.js";
import { describeError, errorDetails } from "../log.js";
import { createMemoryRegistry, type MeetingRegistry } from "../registry/meeting-registry.js";
import { Runtime } from "./runtime.js";
import { DEFAULT_REQUEST_TIMEOUT_MS, limitAuthRequestTime } from "./request-timeout.js";
import { createTickActions } from "./tick-actions.js";
import { finishStaleComments } from "./finish-stale-comments.js";
import { cronHandler } from "../scheduler/cron-endpoint.js";
import { createProcessLock, type TickLock } from "../scheduler/lock.js";
import { runTick, type TickRun, type TickTarget } from "../scheduler/run-tick.js";
import { startTickInterval } from "../scheduler/tick-interval.js";
import type { StateSigner } from "../publish/state-signer.js";
import { guardWebhookIntake } from "./webhook-intake.js";
import { calendarRoutes } from "./calendar-routes.js";
import { CalendarSnapshots } from "./calendar-snapshots.js";
import { publishCalendarFiles } from "./calendar-files.js";
import { AppMetrics } from "./metrics.js";
import { observeAuthRequests } from "./observe-requests.js";
import { operateEndpoints } from "./operate-endpoints.js";
import { WebhookQueue } from "./webhook-queue.js";
import { registerHandlers } from "./webhook-handlers.js";
import { warmUpLazyModules } from "./warm-up.js";

export interface AgendaDrafterOptions {
  /**
   * Signs the state the app writes into its meeting issues, and verifies the state it reads: from
   * `AGENDA_DRAFTER_STATE_KEY` or the app's private key (see stateSignerFromEnv), the same on every replica.
   */
  stateSigner: StateSigner;
  /** Quiet time after an event before its meetings are refreshed. Default: 3 seconds. */
  debounceMs?: number;
  /** Default: the system clock. */
  now?: () => Date;
  /** Default: one process's memory. */
  registry?: MeetingRegistry;
  /** How long to wait for another replica that claimed an occurrence to create its issue. Default: 2 seconds. */
  claimWaitMs?: number;
  /** Shared by the replicas with Redis. Default: one process's. */
  lock?: TickLock;
  /** Time between in-process ticks; 0 for none (an external cron ticks). Default: none. */
  tickIntervalMs?: number;
  /** With it, `POST /agenda-drafter/tick` runs a tick for a cron sending it as a bearer token. */
  cronSecret?: string;
  /** The deadline of every GitHub request. Default: 30 seconds. */
  requestTimeoutMs?: number;
  /** The installations the app serves. Default: the app's that are not suspended; the action has one token's. */
  installations?: () => Promise<{ id: number }[]>;
  /** With Redis, its PING, which `/readyz` asks besides GitHub. */
  redisPing?: () => Promise<void>;
  /** How long `/readyz` reuses its answer. Default: 5 seconds. */
  readinessCacheMs?: number;
  /** How long a second of the wait before failed work runs again lasts. Default: 1000 ms; tests shorten it. */
  retryWaitUnitMs?: number;
}

export interface AgendaDrafter {
  app: ApplicationFunction;
  /** Resolves once start-up discovery and every refresh requested so far are done. */
  idle(): Promise<void>;
  /** As `idle`, and once every failed refresh has run again (end-to-end tests, with short retry waits). */
  settled(): Promise<void>;
  /** Runs one tick over every installation's meetings now (the interval and the cron endpoint run the same). */
  tick(): Promise<TickRun>;
  /** Stops the in-process tick. */
  stop(): void;
  /** What `GET /metrics` serves. */
  metrics: AppMetrics;
}

export const DEFAULT_DEBOUNCE_MS = 3_000;

type Installations = () => Promise<{ id: number }[]>;

/** The app: webhook handlers over one runtime, which discovers the installations' meetings at start-up. */
export function createAgendaDrafter(options: AgendaDrafterOptions): AgendaDrafter {
  let runtime: Runtime | undefined;
  let webhooks: WebhookQueue | undefined;
  let startup: Promise<void> = Promise.resolve();
  let tick: () => Promise<TickRun> = async () => ({ kind: "ran", meetings: [] });
  let stop = () => {};
  const now = options.now ?? (() => new Date());
  const lock = options.lock ?? createProcessLock(now);
  const metrics = new AppMetrics();

  const app: ApplicationFunction = (probot: Probot, appOptions) => {
    warmUpLazyModules();
    const current = new Runtime(probot, {
      registry: options.registry ?? createMemoryRegistry(),
      debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      now,
      stateSigner: options.stateSigner,
      metrics,
      ...(options.claimWaitMs !== undefined && { claimWaitMs: options.claimWaitMs }),
      ...(options.retryWaitUnitMs !== undefined && { retryWaitUnitMs: options.retryWaitUnitMs }),
    });
    runtime = current;
    const logError = (error: unknown) => probot.log.error(error instanceof Error ? error.message : String(error));
    const queue = new WebhookQueue(logError);
    webhooks = queue;
    const installations: Installations = options.installations ?? (() => activeInstallations(probot));
    const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    limitAuthRequestTime(probot, timeoutMs);
    observeAuthRequests(probot, metrics);
    guardWebhookIntake(probot, {
      queue,
      onAnswered: (event, status) => metrics.webhooks.inc({ event, outcome: status < 300 ? "ok" : status < 500 ? "refused" : "failed" }),
      onReceiveFailed: () => metrics.errors.inc({ where: "receive" }),
    });
    registerHandlers(probot, current, queue, { timeoutMs, metrics, logError });
    addHandlerWhenServed(appOptions, operateEndpoints(
      metrics,
      { github: () => gitHubAnswers(probot), ...(options.redisPing && { redis: options.redisPing }) },
      { ...(options.readinessCacheMs !== undefined && { cacheMs: options.readinessCacheMs }) },
    ));

    tick = async () => {
      await startup;
      let ticked: TickTarget[] = [];
      const run = await metrics.timeTick(() =>
        runTick({ lock, now, log: current.log, targets: async () => (ticked = await tickTargets(current, installations, options)) }),
      );
      if (run.kind === "ran") {
        metrics.errors.inc({ where: "tick" }, run.meetings.filter((meeting) => meeting.error).length);
        await publishCalendarFiles(current, ticked);
      }
      return run;
    };
    if (options.tickIntervalMs) {
      stop = startTickInterval(tick, options.tickIntervalMs, (error) => {
        current.log.error(`the tick failed: ${describeError(error)}`);
        current.log.debug?.(`tick: ${errorDetails(error)}`);
      });
    }
    if (options.cronSecret !== undefined) appOptions.addHandler(cronHandler(options.cronSecret, tick));
    addHandlerWhenServed(appOptions, calendarRoutes({ snapshots: new CalendarSnapshots(probot, current), signer: options.stateSigner, now }));

    startup = discoverInstallations(probot, current, installations).catch((error: unknown) => {
      metrics.errors.inc({ where: "discovery" });
      current.log.error(`start-up discovery failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  return {
    app,
    idle: async () => {
      await startup;
      await webhooks?.idle();
      await runtime?.idle();
    },
    settled: async () => {
      await startup;
      // Queued webhook work may queue refreshes, and a retried refresh may run a queued webhook's turn: both, until neither has any.
      do {
        await webhooks?.idle();
        await runtime?.settled();
      } while (webhooks?.busy);
    },
    tick: () => tick(),
    stop: () => stop(),
    metrics,
  };
}

/**
 * Adds a handler to Probot's server. Loaded without one (`probot.load` alone, as in the tests, or
 * the Action), there is nothing to serve pages, feeds and the operator's endpoints on, and Probot's stand-in throws.
 */
function addHandlerWhenServed(appOptions: ApplicationFunctionOptions, handler: Parameters<ApplicationFunctionOptions["addHandler"]>[0]): void {
  try {
    appOptions.addHandler(handler);
  } catch (error) {
    if (!(error instanceof Error && error.message === "No server instance")) throw error;
  }
}

/** Whether GitHub answers the app itself (`GET /app`, with the app's JWT): its credentials are good and GitHub is up. */
async function gitHubAnswers(probot: Probot): Promise<void> {
  const octokit = (await probot.auth()) as GitHub;
  try {
    await octokit.request("GET /app", { request: { signal: AbortSignal.timeout(10_000), retries: 0 } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(gitHubAnswered(error) ? `GitHub answered GET /app with ${statusOf(error)} (${message})` : `GitHub did not answer (${message})`);
  }
}

/** Start-up discovery, so that events are matched to meetings (and the first tick finds them) without delay. */
async function discoverInstallations(probot: Probot, runtime: Runtime, installations: Installations): Promise<void> {
  for (const installation of await installations()) {
    await runtime.ensureDiscovered((await probot.auth(installation.id)) as GitHub, installation.id);
  }
}

async function tickTargets(runtime: Runtime, installations: Installations, options: AgendaDrafterOptions): Promise<TickTarget[]> {
  const targets: TickTarget[] = [];
  for (const installation of await installations()) {
    const octokit = await runtime.auth(installation.id);
    // An installation that cannot be read now (its token not minted, GitHub failing) waits for the next tick; the others go on.
    const discovered = await runtime.ensureDiscovered(octokit, installation.id).then(
      () => true,
      (error: unknown) => void runtime.log.error(`tick: installation ${installation.id} could not be read: ${describeError(error)}`),
    );
    if (!discovered) continue;
    targets.push({
      installationId: installation.id,
      meetings: await runtime.registry.meetings(installation.id),
      actions: createTickActions(octokit, {
        installationId: installation.id,
        now: runtime.now,
        log: runtime.log,
        recordedClaims: runtime.recordedClaims,
        countPinFailure: runtime.countPinFailure,
        finishComments: (meeting) => finishStaleComments(runtime, octokit, installation.id, meeting),
        ...(options.claimWaitMs !== undefined && { claimWaitMs: options.claimWaitMs }),
      }),
    });
  }
  return targets;
}

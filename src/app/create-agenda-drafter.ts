import type { ApplicationFunction, Probot } from "probot";
import type { GitHub } from "../github.js";
import { activeInstallations } from "./active-installations.js";
import { describeError } from "./describe-error.js";
import { createMemoryRegistry, type MeetingRegistry } from "../registry/meeting-registry.js";
import { onPullRequestCommits, onPush } from "./on-config-change.js";
import { onItemEvent } from "./on-item-event.js";
import { onInstallationEvent, onLabelEvent, onRepositoryEvent } from "./on-scope-event.js";
import { ITEM_ACTIONS } from "./item-changes.js";
import { Runtime } from "./runtime.js";
import { onIssueComment } from "./on-issue-comment.js";
import { onMinutesMerged } from "./on-minutes-merged.js";
import { DEFAULT_REQUEST_TIMEOUT_MS, limitAuthRequestTime, limitRequestTime } from "./request-timeout.js";
import { createTickActions } from "./tick-actions.js";
import { cronHandler } from "../scheduler/cron-endpoint.js";
import { createProcessLock, type TickLock } from "../scheduler/lock.js";
import { runTick, type TickRun, type TickTarget } from "../scheduler/run-tick.js";
import { startTickInterval } from "../scheduler/tick-interval.js";
import type { StateSigner } from "../publish/state-signer.js";
import { handleWebhook } from "./webhook-errors.js";
import { guardWebhookIntake } from "./webhook-intake.js";

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
}

export interface AgendaDrafter {
  app: ApplicationFunction;
  /** Resolves once start-up discovery and every refresh requested so far are done. */
  idle(): Promise<void>;
  /** Runs one tick over every installation's meetings now (the interval and the cron endpoint run the same). */
  tick(): Promise<TickRun>;
  /** Stops the in-process tick. */
  stop(): void;
}

export const DEFAULT_DEBOUNCE_MS = 3_000;

/** The app: webhook handlers over one runtime, which discovers the installations' meetings at start-up. */
export function createAgendaDrafter(options: AgendaDrafterOptions): AgendaDrafter {
  let runtime: Runtime | undefined;
  let startup: Promise<void> = Promise.resolve();
  let tick: () => Promise<TickRun> = async () => ({ kind: "ran", meetings: [] });
  let stop = () => {};
  const now = options.now ?? (() => new Date());
  const lock = options.lock ?? createProcessLock(now);

  const app: ApplicationFunction = (probot: Probot, appOptions) => {
    const current = new Runtime(probot, {
      registry: options.registry ?? createMemoryRegistry(),
      debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      now,
      stateSigner: options.stateSigner,
      ...(options.claimWaitMs !== undefined && { claimWaitMs: options.claimWaitMs }),
    });
    runtime = current;
    const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    limitAuthRequestTime(probot, timeoutMs);
    guardWebhookIntake(probot);
    registerHandlers(probot, current, timeoutMs);

    tick = async () => {
      await startup;
      return runTick({
        lock,
        now,
        log: current.log,
        targets: () => tickTargets(probot, current, options),
      });
    };
    if (options.tickIntervalMs) {
      stop = startTickInterval(tick, options.tickIntervalMs, (error) => current.log.error(`tick: ${describeError(error)}`));
    }
    if (options.cronSecret !== undefined) appOptions.addHandler(cronHandler(options.cronSecret, tick));

    startup = discoverInstallations(probot, current).catch((error: unknown) =>
      current.log.error(`start-up discovery failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  return {
    app,
    idle: async () => {
      await startup;
      await runtime?.idle();
    },
    tick: () => tick(),
    stop: () => stop(),
  };
}

/** The webhook handlers; a failing one is logged as one line, never with the payload. */
/** Every webhook the app acts on: each with a deadline on its GitHub requests, and one short log line when it fails. */
function registerHandlers(probot: Probot, current: Runtime, timeoutMs: number): void {
  const timed = <C extends { octokit: object }>(context: C): C => (limitRequestTime(context.octokit, timeoutMs), context);
  const itemEvents = [
    ...ITEM_ACTIONS.issues.map((action) => `issues.${action}` as const),
    ...ITEM_ACTIONS.pull_request.map((action) => `pull_request.${action}` as const),
  ];
  probot.on(itemEvents, (context) => handleWebhook(probot, context, () => onItemEvent(current, timed(context))));
  probot.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], (context) =>
    handleWebhook(probot, context, () => onPullRequestCommits(current, timed(context))),
  );
  probot.on("pull_request.closed", (context) => handleWebhook(probot, context, () => onMinutesMerged(current, timed(context))));
  probot.on("push", (context) => handleWebhook(probot, context, () => onPush(current, timed(context))));
  probot.on(
    [
      "repository.privatized",
      "repository.publicized",
      "repository.renamed",
      "repository.transferred",
      "repository.deleted",
      "repository.archived",
      "repository.unarchived",
    ],
    (context) => handleWebhook(probot, context, () => onRepositoryEvent(current, timed(context))),
  );
  probot.on(["label.edited", "label.deleted"], (context) => handleWebhook(probot, context, () => onLabelEvent(current, timed(context))));
  probot.on(["installation", "installation_repositories"], (context) =>
    handleWebhook(probot, context, () => onInstallationEvent(current, timed(context))),
  );
  probot.on("issue_comment.created", (context) => handleWebhook(probot, context, () => onIssueComment(current, timed(context))));
}

/** Start-up discovery, so that events are matched to meetings (and the first tick finds them) without delay. */
async function discoverInstallations(probot: Probot, runtime: Runtime): Promise<void> {
  for (const installation of await activeInstallations(probot)) {
    await runtime.ensureDiscovered((await probot.auth(installation.id)) as GitHub, installation.id);
  }
}

async function tickTargets(probot: Probot, runtime: Runtime, options: AgendaDrafterOptions): Promise<TickTarget[]> {
  const targets: TickTarget[] = [];
  for (const installation of await activeInstallations(probot)) {
    const octokit = await runtime.auth(installation.id);
    await runtime.ensureDiscovered(octokit, installation.id);
    targets.push({
      installationId: installation.id,
      meetings: await runtime.registry.meetings(installation.id),
      actions: createTickActions(octokit, {
        now: runtime.now,
        log: runtime.log,
        recordedClaims: runtime.recordedClaims,
        ...(options.claimWaitMs !== undefined && { claimWaitMs: options.claimWaitMs }),
      }),
    });
  }
  return targets;
}

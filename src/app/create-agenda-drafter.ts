import type { ApplicationFunction, Probot } from "probot";
import type { GitHub } from "../github.js";
import { createMemoryRegistry, type MeetingRegistry } from "./meeting-registry.js";
import { onPullRequestCommits, onPush } from "./on-config-change.js";
import { onItemEvent } from "./on-item-event.js";
import { onInstallationEvent, onLabelEvent, onRepositoryEvent } from "./on-scope-event.js";
import { ITEM_ACTIONS } from "./item-changes.js";
import { Runtime } from "./runtime.js";

export interface AgendaDrafterOptions {
  /** Quiet time after an event before its meetings are refreshed. Default: 3 seconds. */
  debounceMs?: number;
  /** Default: the system clock. */
  now?: () => Date;
  /** Default: one process's memory. */
  registry?: MeetingRegistry;
  /** How long to wait for another replica that claimed an occurrence to create its issue. Default: 2 seconds. */
  claimWaitMs?: number;
}

export interface AgendaDrafter {
  app: ApplicationFunction;
  /** Resolves once start-up discovery and every refresh requested so far are done. */
  idle(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 3_000;

/** The app: webhook handlers over one runtime, which discovers the installations' meetings at start-up. */
export function createAgendaDrafter(options: AgendaDrafterOptions = {}): AgendaDrafter {
  let runtime: Runtime | undefined;
  let startup: Promise<void> = Promise.resolve();

  const app: ApplicationFunction = (probot: Probot) => {
    const current = new Runtime(probot, {
      registry: options.registry ?? createMemoryRegistry(),
      debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      now: options.now ?? (() => new Date()),
      ...(options.claimWaitMs !== undefined && { claimWaitMs: options.claimWaitMs }),
    });
    runtime = current;

    probot.on(
      [...ITEM_ACTIONS.issues.map((action) => `issues.${action}` as const), ...ITEM_ACTIONS.pull_request.map((action) => `pull_request.${action}` as const)],
      (context) => onItemEvent(current, context),
    );
    probot.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], (context) =>
      onPullRequestCommits(current, context),
    );
    probot.on("push", (context) => onPush(current, context));
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
      (context) => onRepositoryEvent(current, context),
    );
    probot.on(["label.edited", "label.deleted"], (context) => onLabelEvent(current, context));
    probot.on(["installation", "installation_repositories"], (context) => onInstallationEvent(current, context));

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
  };
}

/** Until the scheduler exists, every installation is read at start-up so that due issues get created. */
async function discoverInstallations(probot: Probot, runtime: Runtime): Promise<void> {
  const appOctokit = (await probot.auth()) as GitHub;
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    if (installation.suspended_at) continue;
    await runtime.ensureDiscovered((await probot.auth(installation.id)) as GitHub, installation.id);
  }
}

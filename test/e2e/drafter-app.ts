// The agenda drafter on the end-to-end harness with its tick in the test's hands, for the
// scheduler and comment-command end-to-end tests: time moves only when the sandbox clock does,
// and scheduled work happens only when a test ticks.
import { createAgendaDrafter, type AgendaDrafter, type AgendaDrafterOptions } from "../../src/app/create-agenda-drafter.js";
import type { TickRun } from "../../src/scheduler/run-tick.js";
import { startE2E, type E2E, type E2EOptions } from "./harness.js";
import { SNAPSHOT_FILE } from "./live-issue-app.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";

/** Short, so that a test waits for the coalescing window in `settle()` and never sleeps. */
const DEBOUNCE_MS = 60;
/** Long enough for another process that claimed an occurrence to create its issue over HTTP. */
const CLAIM_WAIT_MS = 2_000;
/** A second of the wait before failed work runs again, shortened as the stage shortens Probot's retries. */
const RETRY_WAIT_UNIT_MS = 10;

export interface DrafterProcess {
  app: E2EOptions["app"];
  drafter: AgendaDrafter;
}

/** One process of the app as `probot run` would run it, with the sandbox clock as its clock and no interval tick. */
export function drafterProcess(options: Pick<AgendaDrafterOptions, "lock" | "registry" | "requestTimeoutMs"> = {}): DrafterProcess {
  let now: () => Date = () => new Date();
  const drafter = createAgendaDrafter({ ...options, stateSigner: TEST_STATE_SIGNER, debounceMs: DEBOUNCE_MS, now: () => now(), claimWaitMs: CLAIM_WAIT_MS, retryWaitUnitMs: RETRY_WAIT_UNIT_MS });
  return {
    app: (probot, appOptions) => {
      now = appOptions.now;
      return drafter.app(probot, appOptions);
    },
    drafter,
  };
}

export interface DrafterStage {
  e2e: E2E;
  /** One tick, as the interval or a cron would run it, and then everything it set off. */
  tick(): Promise<TickRun>;
  /** What the app counts (`GET /metrics`). */
  metrics: AgendaDrafter["metrics"];
}

/** The sandbox with the app started on it, once the app's start-up work is done. */
export async function startDrafter(snapshot?: string): Promise<DrafterStage> {
  const replica = drafterProcess();
  const e2e = await startE2E({
    ...(snapshot === undefined ? { snapshotFile: SNAPSHOT_FILE } : { snapshot }),
    app: replica.app,
    idle: replica.drafter.settled,
  });
  await e2e.settle();
  return {
    e2e,
    async tick() {
      const run = await replica.drafter.tick();
      await e2e.settle();
      return run;
    },
    metrics: replica.drafter.metrics,
  };
}

/** The steps a tick carried out, e.g. `create-issue 2024-03-28`. */
export function stepsDone(run: TickRun): string[] {
  return run.kind === "ran" ? run.meetings.flatMap((meeting) => [...meeting.done, ...(meeting.error ? [`error: ${meeting.error}`] : [])]) : ["locked"];
}

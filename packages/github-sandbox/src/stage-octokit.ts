import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";

/** The class of Probot's Octokit with other defaults: what `ProbotOctokit.defaults` returns. */
type StageOctokitClass = typeof ProbotOctokit;

/** Milliseconds per "second" of a retry's wait on the stage: production waits seconds, tests should not. */
const RETRY_WAIT_UNIT_MS = 10;

/**
 * The app's Octokit on the stage: Probot's, with its retries and throttling on as in production,
 * only faster. Retries wait milliseconds where they wait seconds, a secondary rate limit without
 * `retry-after` is waited out for one such unit, and the throttling's queues keep their shape (ten
 * requests in flight at most) without the minimum spacing between the starts of writes (1 s),
 * searches (2 s) and notifying writes (3 s) that would make a test minutes long.
 */
export function stageAppOctokit(): StageOctokitClass {
  // One set of queues per app process, as plugin-throttling keeps one per process.
  const queues = {
    global: new Bottleneck.Group({ id: "stage-global", maxConcurrent: 10 }),
    auth: new Bottleneck.Group({ id: "stage-auth", maxConcurrent: 1 }),
    search: new Bottleneck.Group({ id: "stage-search", maxConcurrent: 1 }),
    write: new Bottleneck.Group({ id: "stage-write", maxConcurrent: 1 }),
    notifications: new Bottleneck.Group({ id: "stage-notifications", maxConcurrent: 1 }),
  };
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { ...(options["retry"] as object | undefined), retryAfterBaseValue: RETRY_WAIT_UNIT_MS },
    throttle: {
      ...(options["throttle"] as object | undefined),
      ...queues,
      fallbackSecondaryRateRetryAfter: 1,
      retryAfterBaseValue: RETRY_WAIT_UNIT_MS,
    },
  }));
}

/**
 * A person's Octokit on the stage (`token user:<login>`): without retries or throttling, so that a
 * test sees the answer to each of its requests as it is.
 */
export const StagePersonOctokit: StageOctokitClass = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } });

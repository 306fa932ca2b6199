import type { ApplicationFunction } from "probot";
import { createAgendaDrafter, DEFAULT_DEBOUNCE_MS } from "./app/create-agenda-drafter.js";
import { clockFromEnv } from "./app/clock-from-env.js";
import { stateSignerFromEnv } from "./app/state-signer-from-env.js";
import { REQUEST_TIMEOUT_ENV, requestTimeoutFromEnv } from "./app/request-timeout.js";
import { CRON_SECRET_ENV } from "./scheduler/cron-endpoint.js";
import { redisStoresFromEnv } from "./app/redis-stores.js";
import { tickIntervalFromEnv } from "./scheduler/tick-interval.js";

/**
 * The GitHub App, as `probot run` loads it, configured from the environment (README, "Running it"):
 * `AGENDA_DRAFTER_DEBOUNCE_MS` (how long the app waits after an event for more before it
 * refreshes a meeting issue, default 3000), `AGENDA_DRAFTER_TICK_INTERVAL_MS`,
 * `AGENDA_DRAFTER_CRON_SECRET`, `AGENDA_DRAFTER_CLOCK_URL`, `AGENDA_DRAFTER_STATE_KEY` (else the
 * app's private key signs the meeting issues' state), `AGENDA_DRAFTER_REQUEST_TIMEOUT_MS` and
 * `AGENDA_DRAFTER_REDIS_URL`.
 */
export default appFromEnv().app;

/** The app, and how to let go of what it holds open (its tick interval, its Redis connection) when its server stops and the process goes on. */
export function appFromEnv(): { app: ApplicationFunction; close(): Promise<void> } {
  let close = async () => {};
  const app: ApplicationFunction = (probot, options) => {
    const now = clockFromEnv();
    const cronSecret = process.env[CRON_SECRET_ENV];
    const log = { info: (m: string) => probot.log.info(m), warn: (m: string) => probot.log.warn(m), error: (m: string) => probot.log.error(m) };
    const stores = redisStoresFromEnv(process.env, log, { now });
    const drafter = createAgendaDrafter({
      stateSigner: stateSignerFromEnv(),
      debounceMs: debounceFromEnv(process.env.AGENDA_DRAFTER_DEBOUNCE_MS),
      now,
      registry: stores.registry,
      lock: stores.lock,
      tickIntervalMs: tickIntervalFromEnv(),
      requestTimeoutMs: requestTimeoutFromEnv(process.env[REQUEST_TIMEOUT_ENV]),
      ...(cronSecret && { cronSecret }),
      ...(stores.ping && { redisPing: stores.ping }),
    });
    close = async () => {
      drafter.stop();
      await stores.close();
    };
    return drafter.app(probot, options);
  };
  return { app, close: () => close() };
}

function debounceFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_DEBOUNCE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`AGENDA_DRAFTER_DEBOUNCE_MS must be a whole number of milliseconds, got "${value}"`);
  }
  return ms;
}

/** Default time between in-process ticks. */
export const DEFAULT_TICK_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Runs `tick` every `intervalMs`, skipping a beat while the previous tick is still running.
 * Returns the function that stops it. The timer does not keep the process alive by itself.
 */
export function startTickInterval(tick: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void): () => void {
  if (!Number.isInteger(intervalMs) || intervalMs <= 0) throw new Error(`The tick interval must be a positive number of milliseconds, got ${intervalMs}.`);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch(onError)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The interval from `AGENDA_DRAFTER_TICK_INTERVAL_MS`; 0 turns the in-process tick off (an external cron ticks). */
export function tickIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.AGENDA_DRAFTER_TICK_INTERVAL_MS;
  if (value === undefined || value === "") return DEFAULT_TICK_INTERVAL_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`AGENDA_DRAFTER_TICK_INTERVAL_MS must be a whole number of milliseconds (0 for none), got "${value}"`);
  }
  return ms;
}

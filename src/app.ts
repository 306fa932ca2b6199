import type { ApplicationFunction } from "probot";
import { createAgendaDrafter, DEFAULT_DEBOUNCE_MS } from "./app/create-agenda-drafter.js";

/**
 * The GitHub App, as `probot run` loads it. `AGENDA_DRAFTER_DEBOUNCE_MS` sets how long the app
 * waits after an event for more before it refreshes a meeting issue (default 3000).
 */
const app: ApplicationFunction = (probot, options) =>
  createAgendaDrafter({ debounceMs: debounceFromEnv(process.env.AGENDA_DRAFTER_DEBOUNCE_MS) }).app(probot, options);

export default app;

function debounceFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_DEBOUNCE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`AGENDA_DRAFTER_DEBOUNCE_MS must be a whole number of milliseconds, got "${value}"`);
  }
  return ms;
}

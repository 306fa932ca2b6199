import { Duration } from "luxon";
import type { SandboxClock } from "../clock.js";

/** What `POST /_sandbox/clock` accepts: `{ "now": ISO instant }` or `{ "advance": ISO duration | milliseconds }`. */
export function changeClock(clock: SandboxClock, body: unknown): string | undefined {
  const request = (body ?? {}) as { now?: unknown; advance?: unknown };
  if (typeof request.now === "string") {
    const date = new Date(request.now);
    if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(request.now)) return `now: "${request.now}" is not an ISO 8601 instant`;
    clock.set(date);
    return undefined;
  }
  if (typeof request.advance === "number" && Number.isFinite(request.advance) && request.advance >= 0) {
    clock.advance(request.advance);
    return undefined;
  }
  if (typeof request.advance === "string") {
    const duration = Duration.fromISO(request.advance);
    if (!duration.isValid) return `advance: "${request.advance}" is not an ISO 8601 duration such as PT3H`;
    clock.advance(duration.toMillis());
    return undefined;
  }
  return 'send { "now": "2024-03-28T15:00:00Z" } or { "advance": "PT3H" } (or a number of milliseconds)';
}

export function clockJson(clock: SandboxClock) {
  return { now: clock.now().toISOString() };
}

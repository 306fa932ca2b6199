import { UserError } from "../errors.js";
import { statusOf } from "../github.js";

/** Without a word from GitHub on when to come back, a failed refresh waits this long, as GitHub asks. */
export const DEFAULT_RETRY_DELAY_MS = 60_000;

/**
 * How long to wait before trying failed work again: GitHub's `retry-after` (seconds) when it sent
 * one, else until `x-ratelimit-reset` when the rate limit is used up, else a minute.
 */
export function retryDelayMs(error: unknown, now: number = Date.now()): number {
  const headers = headersOf(error);
  const retryAfter = Number(headers["retry-after"]);
  if (headers["retry-after"] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
  const reset = Number(headers["x-ratelimit-reset"]);
  if (headers["x-ratelimit-remaining"] === "0" && Number.isFinite(reset)) return Math.max(DEFAULT_RETRY_DELAY_MS, reset * 1000 - now);
  return DEFAULT_RETRY_DELAY_MS;
}

/**
 * Failures that pass: rate limits (429, and a 403 that says it is one), GitHub's errors (5xx), a
 * lost or late answer. Another 403 ("Resource not accessible by integration") does not pass, nor
 * a problem of the user's (a template stopped at its render limits fails the same way again, and
 * each try costs seconds of CPU and a worker's memory): the next push or tick tries it again.
 */
export function mayTryAgainLater(error: unknown): boolean {
  if (error instanceof UserError) return false;
  const status = statusOf(error);
  return status === undefined || status === 429 || status >= 500 || (status === 403 && isRateLimit(error));
}

function isRateLimit(error: unknown): boolean {
  const headers = headersOf(error);
  const message = error instanceof Error ? error.message : "";
  return headers["retry-after"] !== undefined || headers["x-ratelimit-remaining"] === "0" || /rate limit/i.test(message);
}

function headersOf(error: unknown): Record<string, string | undefined> {
  if (typeof error !== "object" || error === null) return {};
  // A REST error carries its response; a GraphQL error (HTTP 200 with `errors`, as RATE_LIMITED
  // comes) carries the response's headers itself.
  const response = "response" in error ? error.response : undefined;
  const headers = typeof response === "object" && response !== null && "headers" in response ? response.headers : "headers" in error ? error.headers : undefined;
  return typeof headers === "object" && headers !== null ? (headers as Record<string, string | undefined>) : {};
}

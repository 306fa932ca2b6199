import type { Probot } from "probot";
import { pinApiVersion, type GitHub } from "../github.js";

export const REQUEST_TIMEOUT_ENV = "AGENDA_DRAFTER_REQUEST_TIMEOUT_MS";
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const limited = new WeakSet<object>();

/**
 * Gives every request of the client a deadline, so that one hung GitHub response cannot hold a
 * meeting's work (which runs one at a time) for the minutes a socket takes to give up. The
 * deadline covers a request with the retry plugin's retries of it.
 */
export function limitRequestTime<T extends object>(octokit: T, timeoutMs: number): T {
  if (limited.has(octokit)) return octokit;
  limited.add(octokit);
  (octokit as unknown as GitHub).hook.before("request", (options) => {
    options.request = { ...options.request, signal: options.request?.signal ?? deadline(timeoutMs) };
  });
  return octokit;
}

/** A signal that aborts after `timeoutMs` with an error that says so (`AbortSignal.timeout`'s reads "Unknown Error" in Octokit's). */
function deadline(timeoutMs: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error(`GitHub did not answer within ${timeoutMs} ms`)), timeoutMs).unref();
  return controller.signal;
}

/** `probot.auth` whose clients have the deadline (and ask for the app's API version): the tick's, start-up's and the work queue's. */
export function limitAuthRequestTime(probot: Probot, timeoutMs: number): void {
  const auth = probot.auth.bind(probot);
  probot.auth = async (installationId?: number) => limitRequestTime(pinApiVersion(await auth(installationId)), timeoutMs);
}

/** The deadline from `AGENDA_DRAFTER_REQUEST_TIMEOUT_MS`, in milliseconds. */
export function requestTimeoutFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_REQUEST_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`${REQUEST_TIMEOUT_ENV} must be a positive whole number of milliseconds, got "${value}"`);
  return ms;
}

import { statusOf } from "../github.js";

/** An error as the log shows it: with its stack, where there is one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * An error in one line, for a warning that says the work goes on: GitHub's status and message, no
 * stack. A request that got no answer (Octokit gives it status 500) says only why.
 */
export function describeBriefly(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  const status = statusOf(error);
  const answered = typeof error === "object" && error !== null && "response" in error && error.response !== undefined;
  return status === undefined || !answered ? message : `GitHub answered ${status}: ${message}`;
}

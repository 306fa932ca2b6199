import { UserError } from "../errors.js";
import { statusOf } from "../github.js";
import { CalendarUnavailableError } from "../schedule/fetch-calendar.js";

/**
 * What `preview` says when GitHub or a calendar feed fails it: one line for the person at the
 * terminal (a bad token, no network, a feed that does not answer), never a stack trace. Anything
 * else is a defect of the app and is thrown as it is.
 */
export function previewFailure(error: unknown, github: string): unknown {
  if (error instanceof UserError) return error;
  if (error instanceof CalendarUnavailableError) return new UserError(`${error.message}; check schedule.calendar and the network.`);
  const status = statusOf(error);
  if (status === undefined || !isRequestError(error)) return error;
  const { method, url } = error.request;
  const request = `${method} ${new URL(url).pathname}`;
  if (error.response === undefined) {
    return new UserError(`Cannot reach ${github}: ${error.message} (${request}). Check the network, and GITHUB_API_URL or GHE_HOST.`);
  }
  if (status === 401) {
    return new UserError(`${github} refused GITHUB_TOKEN (401 ${error.message}): set it to a valid token for that server.`);
  }
  const hint = status === 403 || status === 404 ? " Check that GITHUB_TOKEN may read the repositories of the meeting." : "";
  return new UserError(`${github} answered ${status} to ${request}: ${error.message}.${hint}`);
}

interface RequestError extends Error {
  request: { method: string; url: string };
  response?: unknown;
}

/** Octokit's RequestError: a network failure has no response. */
function isRequestError(error: unknown): error is RequestError {
  const request = (error as { request?: { method?: unknown; url?: unknown } }).request;
  return error instanceof Error && typeof request?.method === "string" && typeof request.url === "string";
}

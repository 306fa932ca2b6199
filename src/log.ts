import { gitHubAnswered, statusOf } from "./github.js";

/** Where the app's messages go: Probot's logger in the app, standard error in the CLI. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Details a person debugging wants and an operator's log does not (stacks, GitHub's answers). */
  debug?(message: string): void;
}

/** How a shared store's commands fare, so that an outage is told once, not once per failed command. */
export interface StoreHealth {
  failed(error: unknown): void;
  succeeded(): void;
}

/**
 * An error as one log line: what failed, never the request or the response. GitHub's answers
 * are told by status, method and path, with the first line of GitHub's message; the rest (the
 * stack, the response body) is for `errorDetails`, at debug.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return firstLine(String(error));
  const request = (error as { request?: { method?: unknown; url?: unknown } }).request;
  const status = statusOf(error);
  if (status !== undefined && typeof request?.method === "string" && typeof request.url === "string") {
    const path = URL.canParse(request.url) ? new URL(request.url).pathname : request.url;
    const answered = gitHubAnswered(error) ? `GitHub answered ${status}` : "no answer from GitHub";
    return `${answered} to ${request.method} ${path}: ${firstLine(error.message)}`;
  }
  return `${error.name === "Error" ? "" : `${error.name}: `}${firstLine(error.message)}`;
}

/** The error in full, for the debug log: its stack and, for GitHub's answers, the response body. */
export function errorDetails(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const data = (error as { response?: { data?: unknown } }).response?.data;
  return [error.stack ?? error.message, ...(data === undefined ? [] : [`response: ${JSON.stringify(data)}`])].join("\n");
}

/** GitHub's messages may run over many lines (a validation's JSON): the first says what. */
function firstLine(text: string): string {
  const [first = ""] = text.split("\n");
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}

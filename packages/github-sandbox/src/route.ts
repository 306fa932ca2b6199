import type { Actor } from "./access.js";
import type { SandboxEvent } from "./events.js";
import type { SandboxState } from "./state.js";
import type { SandboxUrls } from "./urls.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a route handler gets: the request, already checked against GitHub's description of it. */
export interface RouteRequest {
  state: SandboxState;
  actor: Actor;
  /** The login changes are attributed to: the user, or the app's bot account. */
  actorLogin: string;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The URL the request was sent to, for `Link` headers that point back at the same server. */
  url: URL;
  urls: SandboxUrls;
  /** The id of the app registered on this GitHub (its check runs name it). */
  appId: number;
  /** The GitHub Enterprise Server version the sandbox answers as; undefined for github.com. */
  enterpriseVersion: string | undefined;
  now: Date;
  /** The state search sees: the live state, or an older copy under a search lag. */
  searchState(): SandboxState;
  emit(event: SandboxEvent): void;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  /** GitHub's path template, as in its OpenAPI description: `/repos/{owner}/{repo}`. */
  path: string;
  handle(request: RouteRequest): RouteResponse;
}

/** A refusal as GitHub words it; the sandbox adds `documentation_url` and `status`. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, unknown>[],
  ) {
    super(message);
  }
}

export function notFound(): GitHubError {
  return new GitHubError(404, "Not Found");
}

/** GitHub prints instants to the second: `2024-03-28T15:00:00Z`. */
export function githubTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

import type { Probot } from "probot";
import type { GitHub } from "../github.js";
import { statusOf } from "../github.js";
import type { AppMetrics } from "./metrics.js";

const observed = new WeakSet<object>();

interface RequestOptions {
  method?: string;
  url?: string;
}

/**
 * Counts the client's requests into the metrics: each by its route class and status, the rate
 * limit GitHub says is left, and the writes GitHub accepted. A request the retry plugin sends
 * again counts each time it is sent.
 */
export function observeRequests<T extends object>(octokit: T, metrics: AppMetrics): T {
  if (observed.has(octokit)) return octokit;
  observed.add(octokit);
  (octokit as unknown as GitHub).hook.wrap("request", async (request, options) => {
    const method = (options.method ?? "GET").toUpperCase();
    const route = routeClass(String(options.url ?? ""));
    try {
      const response = await request(options);
      count(metrics, { method, route, url: String(options.url ?? "") }, response.status, response.headers);
      return response;
    } catch (error) {
      const answered = (error as { response?: { headers?: Record<string, unknown> } }).response;
      count(metrics, { method, route, url: String(options.url ?? "") }, statusOf(error), answered?.headers ?? {});
      throw error;
    }
  });
  return octokit;
}

/** `probot.auth` whose clients are counted: the tick's, start-up's and the work queue's. */
export function observeAuthRequests(probot: Probot, metrics: AppMetrics): void {
  const auth = probot.auth.bind(probot);
  probot.auth = async (installationId?: number) => observeRequests(await auth(installationId), metrics);
}

function count(metrics: AppMetrics, request: { method: string; route: string; url: string }, status: number | undefined, headers: Record<string, unknown>): void {
  metrics.requests.inc({ route: request.route, method: request.method, status: status === undefined ? "error" : String(status) });
  const remaining = Number(headers["x-ratelimit-remaining"]);
  if (headers["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining)) {
    metrics.rateLimitRemaining.set({ resource: String(headers["x-ratelimit-resource"] ?? "core") }, remaining);
  }
  if (request.method !== "GET" && request.method !== "HEAD" && status !== undefined && status < 300) {
    metrics.writes.inc({ kind: writeKind(request.url) });
  }
}

/**
 * The class of a route, from its template (`/repos/{owner}/{repo}/issues/{issue_number}` →
 * `issues`): what a repository route acts on, else the route's first segment (`search`,
 * `graphql`, `app`, `orgs`...). A URL given whole (a next page) is read the same way.
 */
export function routeClass(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/^\/api\/v3(?=\/)/, "").split("?")[0] ?? "";
  const segments = path.split("/").filter(Boolean);
  if (segments[0] === "repos" && segments.length > 3) return segments[3] === "issues" && segments[4] === "comments" ? "issues" : (segments[3] ?? "repos");
  return segments[0] ?? "other";
}

/** What a write made: an issue (or its labels and state), a comment, a pull request, or something else (refs, files, check runs, reactions). */
export function writeKind(url: string): "issue" | "comment" | "pull_request" | "other" {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/^\/api\/v3(?=\/)/, "").split("?")[0] ?? "";
  if (/^\/repos\/[^/]+\/[^/]+\/issues(\/comments\/[^/]+|\/[^/]+\/comments)$/.test(path)) return "comment";
  if (/\/reactions$/.test(path)) return "other";
  if (/^\/repos\/[^/]+\/[^/]+\/issues(\/[^/]+(\/labels(\/[^/]+)?)?)?$/.test(path)) return "issue";
  if (/^\/repos\/[^/]+\/[^/]+\/pulls(\/[^/]+)?$/.test(path)) return "pull_request";
  return "other";
}

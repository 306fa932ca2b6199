import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppMetrics } from "./metrics.js";

/** What `/readyz` asks: each check resolves when its service answers, or rejects saying why not. */
export interface ReadinessChecks {
  github: () => Promise<void>;
  /** Only when the app is configured with Redis (`AGENDA_DRAFTER_REDIS_URL`). */
  redis?: () => Promise<void>;
}

/** How long a readiness answer is reused, so that a probe every second cannot spend the rate limit. */
export const READINESS_CACHE_MS = 5_000;

interface Readiness {
  ready: boolean;
  checks: Record<string, "ok" | string>;
}

/**
 * A Probot `addHandler` handler for whoever operates the app: `GET /healthz` (the process is up:
 * 200), `GET /readyz` (200 when GitHub and, when configured, Redis answer; 503 with the reason
 * otherwise, both in JSON) and `GET /metrics` (Prometheus text). Other paths go to the next handler.
 */
export function operateEndpoints(metrics: AppMetrics, checks: ReadinessChecks, options: { cacheMs?: number; now?: () => number } = {}) {
  const cacheMs = options.cacheMs ?? READINESS_CACHE_MS;
  const now = options.now ?? Date.now;
  let cached: { at: number; answer: Promise<Readiness> } | undefined;
  const readiness = () => {
    if (!cached || now() - cached.at >= cacheMs) cached = { at: now(), answer: checkReadiness(checks) };
    return cached.answer;
  };

  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== "/healthz" && path !== "/readyz" && path !== "/metrics") return false;
    if (request.method !== "GET" && request.method !== "HEAD") return json(response, 405, { error: `GET ${path}` }, { allow: "GET, HEAD" });
    if (path === "/healthz") return json(response, 200, { status: "ok" });
    if (path === "/readyz") {
      const answer = await readiness();
      return json(response, answer.ready ? 200 : 503, { status: answer.ready ? "ready" : "not ready", checks: answer.checks });
    }
    response.writeHead(200, { "content-type": metrics.registry.contentType }).end(await metrics.registry.metrics());
    return true;
  };
}

async function checkReadiness(checks: ReadinessChecks): Promise<Readiness> {
  const entries = Object.entries(checks).filter((entry): entry is [string, () => Promise<void>] => entry[1] !== undefined);
  const results = await Promise.all(
    entries.map(async ([name, check]) => {
      try {
        await check();
        return [name, "ok"] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const;
      }
    }),
  );
  return { ready: results.every(([, result]) => result === "ok"), checks: Object.fromEntries(results) };
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers }).end(JSON.stringify(body));
  return true;
}

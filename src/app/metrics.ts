import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * What an operator watches (`GET /metrics`, Prometheus text): webhooks by event and outcome,
 * GitHub requests by route class and status, the rate limit left, the app's writes, refresh and
 * tick durations, errors. One registry per app, so that two apps in a process (tests, replicas
 * on a stage) count apart.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly webhooks = new Counter({
    name: "agenda_drafter_webhooks_total",
    help: "Webhook deliveries received, by event and outcome (answered: ok, failed, refused)",
    labelNames: ["event", "outcome"] as const,
    registers: [this.registry],
  });
  readonly requests = new Counter({
    name: "agenda_drafter_github_requests_total",
    help: "GitHub API requests, by route class (issues, pulls, search, graphql...), method and status (error: no answer)",
    labelNames: ["route", "method", "status"] as const,
    registers: [this.registry],
  });
  readonly rateLimitRemaining = new Gauge({
    name: "agenda_drafter_github_rate_limit_remaining",
    help: "Requests left in the current rate-limit window, by resource (core, search, graphql...), as GitHub last said",
    labelNames: ["resource"] as const,
    registers: [this.registry],
  });
  readonly writes = new Counter({
    name: "agenda_drafter_github_writes_total",
    help: "Writes the app made that GitHub accepted, by kind (issue, comment, pull_request, other)",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });
  readonly refreshSeconds = new Histogram({
    name: "agenda_drafter_refresh_duration_seconds",
    help: "Time to refresh a meeting issue from the agenda items, by outcome",
    labelNames: ["outcome"] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly tickSeconds = new Histogram({
    name: "agenda_drafter_tick_duration_seconds",
    help: "Time a tick over every meeting took",
    buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "agenda_drafter_errors_total",
    help: "Failures, by where they happened (receive, webhook, refresh, tick, discovery, pin)",
    labelNames: ["where"] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "agenda_drafter_" });
  }

  /** Times a refresh of a meeting issue, by whether it succeeded. */
  async timeRefresh<T>(work: () => Promise<T>): Promise<T> {
    const end = this.refreshSeconds.startTimer();
    try {
      const result = await work();
      end({ outcome: "ok" });
      return result;
    } catch (error) {
      end({ outcome: "failed" });
      throw error;
    }
  }

  /** Times a tick, failed or not. */
  async timeTick<T>(work: () => Promise<T>): Promise<T> {
    const end = this.tickSeconds.startTimer();
    try {
      return await work();
    } finally {
      end();
    }
  }
}

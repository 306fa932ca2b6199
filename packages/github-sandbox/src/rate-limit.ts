// GitHub's rate-limit headers. The sandbox counts requests per caller and resource in GitHub's
// windows (an hour for the core API, a minute for search) on the sandbox clock; it reports the
// counts but does not refuse requests, as the clock only moves when a test moves it.

const LIMITS = {
  core: { limit: 5000, windowMs: 3_600_000 },
  search: { limit: 30, windowMs: 60_000 },
} as const;

export type RateLimitResource = keyof typeof LIMITS;

export class RateLimits {
  readonly #windows = new Map<string, { resetAt: number; used: number }>();

  /** Counts one request and returns the headers GitHub sends with its response. */
  count(caller: string, resource: RateLimitResource, now: Date): Record<string, string> {
    const { limit, windowMs } = LIMITS[resource];
    const key = `${resource} ${caller}`;
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now.getTime()) {
      window = { resetAt: now.getTime() + windowMs, used: 0 };
      this.#windows.set(key, window);
    }
    window.used += 1;
    return {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - window.used)),
      "x-ratelimit-reset": String(Math.ceil(window.resetAt / 1000)),
      "x-ratelimit-used": String(window.used),
      "x-ratelimit-resource": resource,
    };
  }
}

import { ProbotOctokit } from "probot";

/** GitHub's installation tokens live an hour; Probot keeps them a minute less. */
const TOKEN_CACHE_MS = 59 * 60 * 1000;

/**
 * The app's Octokit on the stage: without retries, and without throttling unless asked for, so
 * that the stage sees every request at once and fails fast, and with installation tokens kept
 * for an hour of sandbox time, as Probot keeps them for an hour of real time: a token cached
 * before the clock moves a day would be refused as expired.
 */
export function stageOctokit(now: () => Date, throttle: boolean) {
  const tokens = new Map<string, { value: string; at: number }>();
  const tokenCache = {
    get: (key: string) => {
      const entry = tokens.get(key);
      return entry && now().getTime() - entry.at < TOKEN_CACHE_MS ? entry.value : undefined;
    },
    set: (key: string, value: string) => void tokens.set(key, { value, at: now().getTime() }),
  };
  return ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const auth = options["auth"] as Record<string, unknown> | undefined;
    return {
      ...options,
      ...(auth?.["cache"] !== undefined && { auth: { ...auth, cache: tokenCache } }),
      retry: { enabled: false },
      throttle: { ...(options["throttle"] as object | undefined), enabled: throttle },
    };
  });
}

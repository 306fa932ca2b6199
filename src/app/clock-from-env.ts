/** Where the app reads its "now" from: `GET <url>` answering `{ "now": ISO instant }`, as the sandbox's `/_sandbox/clock` does. */
export const CLOCK_URL_ENV = "AGENDA_DRAFTER_CLOCK_URL";
const POLL_MS = 500;

/** "Now", and when it is first known: a run that ends within seconds (the action's) waits for it. */
export type Clock = (() => Date) & { ready: Promise<void> };

/**
 * The app's clock: the system's, or with `AGENDA_DRAFTER_CLOCK_URL` another one followed over
 * HTTP (the sandbox's, for the demo and end-to-end runs), polled because "now" is read
 * synchronously everywhere. Until the first answer it is the system clock.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env, fetchImpl: typeof fetch = fetch): Clock {
  const url = env[CLOCK_URL_ENV];
  if (url === undefined || url === "") return Object.assign(() => new Date(), { ready: Promise.resolve() });
  let current: Date | undefined;
  const poll = async () => {
    try {
      const response = await fetchImpl(url);
      const { now } = (await response.json()) as { now?: unknown };
      const date = typeof now === "string" ? new Date(now) : undefined;
      if (date && !Number.isNaN(date.getTime())) current = date;
    } catch {
      // The clock's server may start after the app; the next poll tries again.
    }
  };
  const ready = poll();
  setInterval(() => void poll(), POLL_MS).unref();
  return Object.assign(() => current ?? new Date(), { ready });
}

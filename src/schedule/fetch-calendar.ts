import { UserError } from "../errors.js";

/** The feed could not be fetched now (no answer, or a server error): the config may be right, and a later try may work. */
export class CalendarUnavailableError extends Error {
  override name = "CalendarUnavailableError";
}

// A feed that does not answer in this time would hold up the whole webhook delivery.
const FETCH_TIMEOUT_MS = 30_000;

/**
 * Fetches a meeting's iCalendar feed and returns its text. `webcal://` addresses, as calendar
 * apps share them, are fetched over HTTPS.
 */
export async function fetchCalendar(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const httpUrl = url.replace(/^webcal:\/\//i, "https://");
  let response: Response;
  try {
    response = await fetchImpl(httpUrl, {
      headers: { accept: "text/calendar" },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new CalendarUnavailableError(`Could not fetch the calendar ${httpUrl}: ${reasonOf(error)}`, { cause: error });
  }
  if (!response.ok) {
    const problem = `Fetching the calendar ${httpUrl} failed with HTTP ${response.status} ${response.statusText}`.trim();
    // 4xx: the address is wrong or the calendar is not public, which the meeting's config must fix.
    throw response.status >= 400 && response.status < 500
      ? new UserError(`${problem}; check schedule.calendar and that the calendar is public.`)
      : new CalendarUnavailableError(`${problem}.`);
  }
  return response.text();
}

/** fetch says only "fetch failed"; what failed (a refused connection, an unknown host) is its cause. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${detail})` : message;
}

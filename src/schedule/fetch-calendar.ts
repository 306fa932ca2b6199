import { UserError } from "../errors.js";

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
    throw new Error(`Could not fetch the calendar ${httpUrl}: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) {
    const problem = `Fetching the calendar ${httpUrl} failed with HTTP ${response.status} ${response.statusText}`.trim();
    // 4xx: the address is wrong or the calendar is not public, which the meeting's config must fix.
    throw response.status >= 400 && response.status < 500
      ? new UserError(`${problem}; check schedule.calendar and that the calendar is public.`)
      : new Error(`${problem}.`);
  }
  return response.text();
}

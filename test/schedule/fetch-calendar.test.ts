import { fetchCalendar } from "../../src/schedule/fetch-calendar.js";
import { UserError } from "../../src/errors.js";

const feedUrl = "https://calendar.google.com/calendar/ical/nodejs.org_example%40group.calendar.google.com/public/basic.ics";
const feedText = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

/** A fetch that answers every request with one response and remembers what was asked. */
function fakeFetch(response: () => Response) {
  const requested: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    requested.push(String(input));
    return response();
  };
  return { fetchImpl, requested };
}

describe("fetchCalendar", () => {
  test("returns the feed's text", async () => {
    const { fetchImpl, requested } = fakeFetch(() => new Response(feedText, { headers: { "content-type": "text/calendar" } }));
    await expect(fetchCalendar(feedUrl, fetchImpl)).resolves.toBe(feedText);
    expect(requested).toEqual([feedUrl]);
  });

  test("fetches webcal:// addresses over HTTPS", async () => {
    const { fetchImpl, requested } = fakeFetch(() => new Response(feedText));
    await fetchCalendar("webcal://calendar.example.org/nodejs/security-wg.ics", fetchImpl);
    expect(requested).toEqual(["https://calendar.example.org/nodejs/security-wg.ics"]);
  });

  test("a calendar that is missing or private is the user's to fix", async () => {
    const { fetchImpl } = fakeFetch(() => new Response("Not Found", { status: 404, statusText: "Not Found" }));
    const failure = fetchCalendar(feedUrl, fetchImpl);
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toThrow(
      `Fetching the calendar ${feedUrl} failed with HTTP 404 Not Found; check schedule.calendar and that the calendar is public.`,
    );
  });

  test("a server error is reported with the address and status", async () => {
    const { fetchImpl } = fakeFetch(() => new Response("", { status: 503, statusText: "Service Unavailable" }));
    const failure = fetchCalendar(feedUrl, fetchImpl);
    await expect(failure).rejects.not.toBeInstanceOf(UserError);
    await expect(failure).rejects.toThrow(`Fetching the calendar ${feedUrl} failed with HTTP 503 Service Unavailable.`);
  });

  test("a network failure names the address", async () => {
    const fetchImpl: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    await expect(fetchCalendar(feedUrl, fetchImpl)).rejects.toThrow(`Could not fetch the calendar ${feedUrl}: fetch failed`);
  });
});

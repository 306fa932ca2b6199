import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { buildFeed } from "../render/calendar/build-feed.js";
import { renderPage } from "../render/page/render-page.js";
import { feedPath, PAGE_ROOT } from "../render/page/page-paths.js";
import type { StateSigner } from "../publish/state-signer.js";
import { CALENDAR_CACHE_MS, type CalendarSnapshots, type HomeRepoCalendar } from "./calendar-snapshots.js";

type Route =
  | { kind: "feed"; owner: string; repo?: string }
  | { kind: "page"; owner?: string; repo?: string };

export interface CalendarRoutesDeps {
  snapshots: CalendarSnapshots;
  signer: StateSigner;
  now: () => Date;
}

/**
 * A Probot `addHandler` handler for the feeds and pages (README, "Calendar and page"):
 * `GET /agenda-drafter/calendar/<owner>.ics` (the owner's public home repos),
 * `/agenda-drafter/calendar/<owner>/<repo>.ics` (one home repo; a private one only with its
 * `?token=`), and the pages `/agenda-drafter/`, `/agenda-drafter/<owner>/`,
 * `/agenda-drafter/<owner>/<repo>/`. Answers carry an ETag; a matching `If-None-Match` gets 304.
 */
export function calendarRoutes(deps: CalendarRoutesDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const route = routeOf(url.pathname);
    if (!route) return false;
    // Other methods are other handlers' (the cron's POST /agenda-drafter/tick), or nobody's.
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const token = url.searchParams.get("token") ?? undefined;
    try {
      const homes = (await deps.snapshots.homeRepos(route, route.kind === "page")).filter((home) => mayShow(home, route, token, deps.signer));
      if (route.repo !== undefined && homes.length === 0) return send(request, response, 404, "text/plain", "No such home repository with meetings.\n");
      const privateOnly = homes.some((home) => home.private);
      const cache = { "cache-control": `${privateOnly ? "private" : "public"}, max-age=${CALENDAR_CACHE_MS / 1000}` };
      if (route.kind === "feed") {
        const name = `${route.repo === undefined ? route.owner : `${route.owner}/${route.repo}`} meetings`;
        const feed = buildFeed({ name, meetings: homes.flatMap((home) => home.entries), refreshSeconds: 3600 });
        return send(request, response, 200, "text/calendar; charset=utf-8", feed, cache);
      }
      const page = renderPage({
        ...(route.owner !== undefined && { owner: route.owner, feedUrl: feedPath(route.owner, route.repo) + (privateOnly && token ? `?token=${encodeURIComponent(token)}` : "") }),
        ...(route.repo !== undefined && { repo: route.repo }),
        entries: homes.flatMap((home) => home.entries),
        now: deps.now(),
      });
      return send(request, response, 200, "text/html; charset=utf-8", page, cache);
    } catch (error) {
      return send(request, response, 503, "text/plain", `The meetings could not be read from GitHub just now: ${error instanceof Error ? error.message : String(error)}\n`, { "retry-after": "60" });
    }
  };
}

function routeOf(pathname: string): Route | undefined {
  if (!pathname.startsWith(PAGE_ROOT) && pathname !== PAGE_ROOT.slice(0, -1)) return undefined;
  const parts = pathname.slice(PAGE_ROOT.length).split("/").filter((part) => part !== "").map(safeDecode);
  if (parts.some((part) => part === undefined || !/^[A-Za-z0-9._-]+$/.test(part))) return undefined;
  const [first, second, third] = parts as string[];
  if (first === "calendar" && second?.endsWith(".ics") && third === undefined) return { kind: "feed", owner: second.slice(0, -4) };
  if (first === "calendar" && second !== undefined && third?.endsWith(".ics") && parts.length === 3) return { kind: "feed", owner: second, repo: third.slice(0, -4) };
  if (parts.length > 2) return undefined;
  return { kind: "page", ...(first !== undefined && { owner: first }), ...(second !== undefined && { repo: second }) };
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** A public home repo is shown everywhere; a private one only on its own feed or page, with its token. */
function mayShow(home: HomeRepoCalendar, route: Route, token: string | undefined, signer: StateSigner): boolean {
  if (!home.private) return true;
  if (route.repo === undefined || token === undefined) return false;
  const expected = Buffer.from(signer.feedToken(`${home.owner}/${home.repo}`), "utf8");
  const given = Buffer.from(token, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): true {
  const etag = `"${createHash("sha256").update(body, "utf8").digest("base64url")}"`;
  const all = { "content-type": contentType, ...(status === 200 && { etag }), ...headers };
  if (status === 200 && matches(request.headers["if-none-match"], etag)) {
    response.writeHead(304, { etag, ...headers });
    response.end();
    return true;
  }
  response.writeHead(status, all);
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

import { setTimeout as sleep } from "node:timers/promises";
import type { Actor } from "../access.js";
import type { RouteResponse } from "../route.js";
import type { RequestFault } from "./request-fault.js";

/** Thrown instead of an answer: the server drops the connection, as a hung GitHub request ends. */
export class DroppedConnection extends Error {}

const RATE_LIMITS_DOCUMENTATION = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

interface FaultedRequest {
  /** Answers the request as the sandbox would without the fault. */
  answer(): Promise<Response>;
  /** Turns an injected answer into the response sent. */
  respond(response: RouteResponse): Response;
  /** Aborted when the client gives up. */
  signal: AbortSignal | null;
  /** Aborted when hung requests should let go (see RequestFaults.release). */
  release: AbortSignal;
  /** Who asked, as rate-limit messages name them (rateLimitedCaller). */
  caller: string;
}

/** Answers a request under a fault. */
export async function answerWithFault(fault: RequestFault, request: FaultedRequest): Promise<Response> {
  switch (fault.kind) {
    case "delay":
      await sleep(fault.ms, undefined, request.signal ? { signal: request.signal } : {}).catch(() => {
        throw new DroppedConnection("the client gave up while the answer was delayed");
      });
      return request.answer();
    case "hang":
      await untilAborted([request.release, ...(request.signal ? [request.signal] : [])]);
      throw new DroppedConnection("a hung request was let go");
    case "lost-response":
      await request.answer();
      return request.respond(serverError(502));
    default:
      return request.respond(injectedResponse(fault, request.caller));
  }
}

/**
 * The answer GitHub gives in these situations. 403 and 422 pass the sandbox's OpenAPI check as
 * any refusal does; 429 and 5xx come from GitHub's front end on any operation, which its
 * description does not list per operation: they are exempt from the check.
 */
function injectedResponse(fault: RequestFault, caller: string): RouteResponse {
  switch (fault.kind) {
    case "server-error":
      return serverError(fault.status);
    case "secondary-rate-limit":
      return {
        status: fault.status,
        headers: fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) },
        body: {
          message:
            "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.",
          documentation_url: `${RATE_LIMITS_DOCUMENTATION}#about-secondary-rate-limits`,
        },
      };
    case "rate-limit":
      return {
        status: fault.status,
        headers: exhaustedLimitHeaders(fault.resetAfter),
        body: { message: `API rate limit exceeded for ${caller}.`, documentation_url: `${RATE_LIMITS_DOCUMENTATION}#about-primary-rate-limits` },
      };
    case "validation-failed":
      return {
        status: 422,
        body: { message: fault.message, errors: fault.errors, documentation_url: "https://docs.github.com/rest", status: "422" },
      };
    case "graphql-rate-limited":
      return {
        status: 200,
        headers: exhaustedLimitHeaders(1),
        body: { errors: [{ type: "RATE_LIMITED", code: "graphql_rate_limit", message: `API rate limit exceeded for ${caller}.` }] },
      };
    default:
      throw new Error(`A ${fault.kind} fault changes how the request is answered, not what the answer is`);
  }
}

/** How GitHub names a caller in its rate-limit messages: `installation ID 4001`, `user RafaelGSS`. */
export function rateLimitedCaller(actor: Actor): string {
  return actor.kind === "user" ? `user ${actor.login}` : `installation ID ${actor.installations.map((installation) => installation.id).join(",")}`;
}

/** Injected statuses exempt from the OpenAPI response check (see injectedResponse). */
export function exemptFromResponseCheck(status: number): boolean {
  return status === 429 || status >= 500;
}

function serverError(status: number): RouteResponse {
  return { status, body: { message: "Server Error" } };
}

/** The primary limit spent, resetting `seconds` from now in real time, as Octokit's throttling reads it. */
function exhaustedLimitHeaders(seconds: number): Record<string, string> {
  return {
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + seconds),
  };
}

function untilAborted(signals: AbortSignal[]): Promise<void> {
  const any = AbortSignal.any(signals);
  if (any.aborted) return Promise.resolve();
  return new Promise((resolve) => any.addEventListener("abort", () => resolve(), { once: true }));
}

import { z } from "zod";
import { appOperations } from "../app-auth/app-routes.js";
import { routes } from "../routes/index.js";

// A request fault makes the sandbox fail requests as GitHub sometimes does: a server error, a rate
// limit, a refusal, a response lost after the change was made, a slow or a hung answer. A fault
// names one operation as GitHub's OpenAPI description does (method and path template); GraphQL is
// `POST /graphql`.

export const GRAPHQL_ROUTE = "POST /graphql";

/** Operations a fault may name: the sandbox's REST routes, the app's own (its installation tokens), and GraphQL. */
function knownRoutes(): Set<string> {
  return new Set([...routes.map((route) => `${route.method} ${route.path}`), ...appOperations, GRAPHQL_ROUTE]);
}

const common = {
  /** `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`, or `POST /graphql`. */
  route: z.string().transform((value) => value.trim().replace(/^(\S+)\s+/, (method) => `${method.trim().toUpperCase()} `)),
  /** The first request to fail is the nth matching one from the moment the fault is set. */
  nth: z.number().int().positive().default(1),
  /** How many matching requests in a row fail from there; "always": every one. */
  times: z.union([z.number().int().positive(), z.literal("always")]).default(1),
  /** Whose requests: the app's (installation tokens), or everyone's (people's `user:` tokens too). */
  actors: z.enum(["app", "everyone"]).default("app"),
};

export const requestFaultSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ ...common, kind: z.literal("server-error"), status: z.literal([500, 502, 503]).default(502) }),
    /** GitHub's secondary rate limit: 403 (or 429), `retry-after` when given. */
    z.strictObject({ ...common, kind: z.literal("secondary-rate-limit"), status: z.literal([403, 429]).default(403), retryAfter: z.number().int().nonnegative().optional() }),
    /** The primary rate limit: `x-ratelimit-remaining: 0`, resetting `resetAfter` seconds (real time) later. */
    z.strictObject({ ...common, kind: z.literal("rate-limit"), status: z.literal([403, 429]).default(403), resetAfter: z.number().int().nonnegative().default(1) }),
    z.strictObject({
      ...common,
      kind: z.literal("validation-failed"),
      message: z.string().default("Validation Failed"),
      errors: z.array(z.record(z.string(), z.unknown())).default([{ resource: "Issue", code: "custom", message: "the sandbox refused this request (a request fault)" }]),
    }),
    /** The change is made (and its webhooks sent), the answer is a 502. */
    z.strictObject({ ...common, kind: z.literal("lost-response") }),
    /** Answers `ms` milliseconds (real time) late. */
    z.strictObject({ ...common, kind: z.literal("delay"), ms: z.number().int().nonnegative() }),
    /** Never answers: the connection drops when the client gives up, the faults are cleared or the server closes. */
    z.strictObject({ ...common, kind: z.literal("hang") }),
    /** GraphQL's rate limit: HTTP 200 with `errors: [{ type: "RATE_LIMITED" }]`. */
    z.strictObject({ ...common, kind: z.literal("graphql-rate-limited") }),
  ])
  .superRefine((fault, context) => {
    if (!knownRoutes().has(fault.route)) {
      context.addIssue({ code: "custom", path: ["route"], message: `"${fault.route}" is no operation of the sandbox: a method and GitHub's path template, such as "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", or "${GRAPHQL_ROUTE}"` });
    } else if (fault.kind === "graphql-rate-limited" && fault.route !== GRAPHQL_ROUTE) {
      context.addIssue({ code: "custom", path: ["kind"], message: `graphql-rate-limited applies to "${GRAPHQL_ROUTE}" only` });
    } else if (fault.kind === "validation-failed" && fault.route === GRAPHQL_ROUTE) {
      context.addIssue({ code: "custom", path: ["kind"], message: "validation-failed applies to REST operations only" });
    }
  });

export type RequestFault = z.output<typeof requestFaultSchema>;
/** A fault as written, with its defaults left out. */
export type RequestFaultInput = z.input<typeof requestFaultSchema>;

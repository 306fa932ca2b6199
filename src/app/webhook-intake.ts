import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";

// Probot's webhook middleware reads a body whole, of any size, before it checks the signature,
// and on a signature failure logs the payload (twice). It comes first in the handler chain of
// `probot run`'s server, so the app cannot put a handler in front of it; but the server asks the
// Probot instance for it (`getNodeMiddleware`) only after the app is loaded, so the app wraps it
// there: the limit and the signature check run before anything is buffered or logged.

/** GitHub caps webhook payloads at 25 MB: anything larger is not GitHub. */
export const MAX_WEBHOOK_BYTES = 26_214_400;

type Middleware = Awaited<ReturnType<Probot["getNodeMiddleware"]>>;
type MiddlewareOptions = Parameters<Probot["getNodeMiddleware"]>[0];
type ProbotLog = Probot["log"];

/**
 * Makes the Probot instance's webhook middleware refuse oversized and unsigned bodies, and log no
 * payload; `onAnswered` hears each delivery's event and the status it was answered with.
 */
export function guardWebhookIntake(probot: Probot, onAnswered: (event: string, status: number) => void = () => {}): void {
  const original = probot.getNodeMiddleware.bind(probot);
  probot.getNodeMiddleware = async (options: MiddlewareOptions = {}) => {
    const log = probot.log;
    const inner = await original({ ...options, log: middlewareLog(log) });
    const path = options.path ?? probot.webhookPath;
    const guarded = async (request: IncomingMessage, response: ServerResponse, next?: () => void) => {
      if (request.method !== "POST" || new URL(request.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "") !== path.replace(/\/+$/, "")) {
        return inner(request, response, next);
      }
      const what = `webhook ${header(request, "x-github-event") ?? "?"} ${header(request, "x-github-delivery") ?? "?"}`;
      response.once("finish", () => onAnswered(header(request, "x-github-event") ?? "unknown", response.statusCode));
      if (Number(request.headers["content-length"] ?? 0) > MAX_WEBHOOK_BYTES) return refuseOversize(request, response, log, what);
      const body = await readBody(request, MAX_WEBHOOK_BYTES);
      if (body === "too large") return refuseOversize(request, response, log, what);
      if (body === "gone") return true;
      const signature = header(request, "x-hub-signature-256");
      if (signature !== undefined && !(await probot.webhooks.verify(body, signature).catch(() => false))) {
        log.warn(`${what} refused: its signature does not match the app's webhook secret (WEBHOOK_SECRET)`);
        return answer(response, 400, { error: "signature does not match" });
      }
      // The middleware takes a body already read as a string instead of reading the stream again.
      Object.assign(request, { body });
      return inner(request, response, next);
    };
    return guarded as Middleware;
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The body as text, or why there is none: over `limit` bytes (reading stops there), or the client went away. */
function readBody(request: IncomingMessage, limit: number): Promise<string | "too large" | "gone"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.pause();
      resolve("too large");
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", () => resolve("gone"));
    request.on("close", () => resolve("gone"));
  });
}

function refuseOversize(request: IncomingMessage, response: ServerResponse, log: ProbotLog, what: string): true {
  log.warn(`${what} refused: its body is over ${MAX_WEBHOOK_BYTES} bytes, more than GitHub ever sends`);
  response.writeHead(413, { "content-type": "application/json", connection: "close" });
  // Destroyed once answered, so that the rest of the body is never read.
  response.end(JSON.stringify({ error: `payload over ${MAX_WEBHOOK_BYTES} bytes` }), () => request.destroy());
  return true;
}

function answer(response: ServerResponse, status: number, body: unknown): true {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return true;
}

/**
 * The log the middleware writes to. It logs the error of every failed delivery whole, and
 * @octokit/webhooks puts the delivery (payload included) on it: a handler's failure is logged by
 * the handler already (see `webhook-errors.ts`), so here it is one line at debug; anything else
 * is one line saying what failed.
 */
function middlewareLog(log: ProbotLog): ProbotLog {
  const quiet = Object.create(log) as ProbotLog;
  quiet.error = ((error: unknown) => {
    const failure = error instanceof AggregateError ? (error.errors[0] as unknown) : error;
    const message = failure instanceof Error ? failure.message : String(failure);
    if (typeof error === "object" && error !== null && "event" in error) log.debug(`webhook handling failed: ${message}`);
    else log.error(`webhook refused: ${message}`);
  }) as ProbotLog["error"];
  return quiet;
}

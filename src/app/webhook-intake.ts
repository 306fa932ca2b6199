import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";

// Probot's webhook middleware reads a body whole, of any size, before it checks the signature,
// and on a signature failure logs the payload (twice). It comes first in the handler chain of
// `probot run`'s server, so the app cannot put a handler in front of it; but the server asks the
// Probot instance for it (`getNodeMiddleware`) only after the app is loaded, so the app wraps it
// there: the limit and the signature check run before anything is buffered or logged.
//
// The middleware answers a delivery only once `webhooks.verifyAndReceive` resolves, and Probot's
// receive builds an Octokit and a context for every event before any handler runs: about a
// millisecond of CPU, under load the whole time GitHub waits. So a delivery the middleware would
// accept (its headers there, signed right) is answered here as soon as its signature checks, as
// the middleware answers it ("ok"): its body is parsed and handed to Probot's receive afterwards,
// each in a turn of the event loop of its own (so that answers waiting on the network go first),
// one at a time in the order they came (the handlers queue their work per installation in that
// order); an event no handler listens to is answered and nothing is built for it. Only the
// webhook secret's holder can sign a body that is not JSON: GitHub never sends one, so it is a
// failed receive like any other. Anything else goes to the middleware, which answers its errors
// as always.

/** GitHub caps webhook payloads at 25 MB: anything larger is not GitHub. */
export const MAX_WEBHOOK_BYTES = 26_214_400;

type Middleware = Awaited<ReturnType<Probot["getNodeMiddleware"]>>;
type MiddlewareOptions = Parameters<Probot["getNodeMiddleware"]>[0];
type ProbotLog = Probot["log"];
type Delivery = Parameters<Probot["webhooks"]["receive"]>[0];

/** Deliveries answered and not yet received above which a delivery's answer waits for its receive, as the middleware's does. */
export const MAX_PENDING_DELIVERIES = 1_000;

export interface IntakeOptions {
  /** Hears each delivery's event and the status it was answered with. */
  onAnswered?: (event: string, status: number) => void;
  /** Hears each delivery whose receive failed after its answer (GitHub will not send it again). */
  onReceiveFailed?: () => void;
  /** Runs the receives after their answers: the app's webhook queue, so that they count as its work. */
  queue: { enqueue(key: string, work: () => Promise<void>): void };
}

const JSON_CONTENT_TYPE = /^\s*application\/json\s*(?:;|$)/u;

/**
 * Makes the Probot instance's webhook middleware refuse oversized and unsigned bodies, log no
 * payload, and answer a good delivery before Probot receives it. Call it before the app's
 * `probot.on`: it hears which events have handlers.
 */
export function guardWebhookIntake(probot: Probot, { onAnswered = () => {}, onReceiveFailed = () => {}, queue }: IntakeOptions): void {
  const handled = recordHandledEvents(probot);
  const receive = receiveAfterAnswer(probot, queue, handled, onReceiveFailed);
  const original = probot.getNodeMiddleware.bind(probot);
  probot.getNodeMiddleware = async (options: MiddlewareOptions = {}) => {
    const log = probot.log;
    const inner = await original({ ...options, log: middlewareLog(log) });
    const path = options.path ?? probot.webhookPath;
    const guarded = async (request: IncomingMessage, response: ServerResponse, next?: () => void) => {
      // The path as the middleware parses it (dot segments resolved), or a delivery to `/api/github/./webhooks` would pass the guard by.
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
      const delivery = signature === undefined ? undefined : acceptedDelivery(request);
      if (delivery) {
        if (handled.mayHandle(delivery.name)) await receive(delivery, body);
        return answer(response, 200, "ok\n");
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
  if (typeof body === "string") response.writeHead(status, { "content-type": "text/plain", accept: "application/json" }).end(body);
  else response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return true;
}

/** The event and id of a signed delivery, when the middleware would take it: its headers there, its body declared JSON. */
function acceptedDelivery(request: IncomingMessage): Omit<Delivery, "payload"> | undefined {
  const name = header(request, "x-github-event");
  const id = header(request, "x-github-delivery");
  const type = header(request, "content-type");
  if (name === undefined || id === undefined || type === undefined || !JSON_CONTENT_TYPE.test(type)) return undefined;
  return { id, name } as Omit<Delivery, "payload">;
}

/** A JSON object's value; what is wrong with `body` otherwise. */
function parsePayload(body: string): object {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch (error) {
    throw new Error(`its body is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof payload !== "object" || payload === null) throw new Error("its body is not a JSON object");
  return payload;
}

interface HandledEvents {
  /** Whether some handler may take an event of this name, whatever its action: known from the headers, before the body is parsed. */
  mayHandle(name: string): boolean;
  /** Whether a handler takes the delivery, its action considered. */
  handles(delivery: Delivery): boolean;
}

/** Records the events of the app's `probot.on` handlers; tells whether a delivery has one. */
function recordHandledEvents(probot: Probot): HandledEvents {
  const names = new Set<string>();
  const eventNames = new Set<string>();
  const on = probot.on.bind(probot);
  probot.on = ((events: string | string[], handler: never) => {
    for (const event of Array.isArray(events) ? events : [events]) {
      names.add(event);
      eventNames.add(event.split(".")[0] as string);
    }
    return on(events as never, handler);
  }) as Probot["on"];
  return {
    mayHandle: (name) => eventNames.has("*") || eventNames.has(name),
    handles: ({ name, payload }) => {
      const action = (payload as { action?: unknown }).action;
      return names.has("*") || names.has(name) || (typeof action === "string" && names.has(`${name}.${action}`));
    },
  };
}

/**
 * Hands a delivery to Probot's receive after its answer, one at a time in the order they came,
 * each after the I/O waiting then (`setImmediate`). Resolves at once, or, with more than
 * MAX_PENDING_DELIVERIES waiting, once this one is received, so that a flood waits at GitHub's
 * end instead of in memory. A failed receive is one log line naming the delivery.
 */
function receiveAfterAnswer(
  probot: Probot,
  queue: IntakeOptions["queue"],
  handled: HandledEvents,
  onFailed: () => void,
): (accepted: Omit<Delivery, "payload">, body: string) => Promise<void> {
  let pending = 0;
  return (accepted, body) =>
    new Promise<void>((resolve) => {
      pending++;
      if (pending <= MAX_PENDING_DELIVERIES) resolve();
      queue.enqueue("intake", async () => {
        try {
          await new Promise((next) => setImmediate(next));
          const delivery = { ...accepted, payload: parsePayload(body) } as Delivery;
          if (handled.handles(delivery)) await probot.webhooks.receive(delivery);
        } catch (error) {
          onFailed();
          const failure = error instanceof AggregateError ? (error.errors[0] as unknown) : error;
          probot.log.error(`webhook ${accepted.name} ${accepted.id} failed: ${failure instanceof Error ? failure.message : String(failure)}`);
        } finally {
          pending--;
          resolve();
        }
      });
    });
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

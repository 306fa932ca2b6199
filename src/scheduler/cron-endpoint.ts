import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Where an external cron POSTs to run a tick. */
export const CRON_PATH = "/agenda-drafter/tick";
/** The environment variable holding the bearer secret the cron sends. */
export const CRON_SECRET_ENV = "AGENDA_DRAFTER_CRON_SECRET";

/**
 * A Probot `addHandler` handler: `POST /agenda-drafter/tick` with `Authorization: Bearer <secret>`
 * runs one tick and answers its result as JSON; without the secret it answers 401. Other paths
 * are left to the next handler.
 */
export function cronHandler(secret: string, tick: () => Promise<unknown>) {
  if (secret.length < 16) throw new Error(`${CRON_SECRET_ENV} must be at least 16 characters long.`);
  const expected = digest(secret);
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== CRON_PATH) return false;
    if (request.method !== "POST") return reply(response, 405, { error: "POST to run a tick" }, { allow: "POST" });
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    // Comparing digests keeps the comparison constant-time whatever the presented length.
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      return reply(response, 401, { error: `send Authorization: Bearer <${CRON_SECRET_ENV}>` }, { "www-authenticate": "Bearer" });
    }
    try {
      return reply(response, 200, await tick());
    } catch (error) {
      return reply(response, 500, { error: error instanceof Error ? error.message : String(error) });
    }
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
  return true;
}

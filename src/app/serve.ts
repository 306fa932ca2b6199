import type { Writable } from "node:stream";
import { getTransformStream } from "@probot/pino";
import { pino } from "pino";
import { run, type ApplicationFunction } from "probot";

/**
 * Request headers the HTTP log must never show. Probot's server logs every request with its
 * headers (pino-http); pretty logs leave them out, but JSON logs (`LOG_FORMAT=json`, the
 * container's) would write the cron's bearer secret (`AGENDA_DRAFTER_CRON_SECRET`) and any
 * cookie or proxy credential.
 */
export const REDACTED_HEADERS = ["authorization", "cookie", "proxy-authorization"];

type Server = Awaited<ReturnType<typeof run>>;

/**
 * The app's server, as `probot run` starts it (the same environment variables: `APP_ID`,
 * `PRIVATE_KEY`, `WEBHOOK_SECRET`, `HOST`, `PORT`, `GHE_HOST`, `LOG_LEVEL`, `LOG_FORMAT`...),
 * with a log that redacts credentials. Log lines go to `destination` (default: standard output).
 */
export async function serve(app: ApplicationFunction, options: { env?: NodeJS.ProcessEnv; destination?: Writable } = {}): Promise<Server> {
  const env = options.env ?? process.env;
  const transform = await getTransformStream({
    logFormat: logFormat(env),
    logLevelInString: env.LOG_LEVEL_IN_STRING === "true",
    ...(env.SENTRY_DSN && { sentryDsn: env.SENTRY_DSN }),
  });
  transform.pipe(options.destination ?? (pino.destination(1) as unknown as Writable));
  const log = pino(
    {
      level: env.LOG_LEVEL || "info",
      name: "probot",
      messageKey: env.LOG_MESSAGE_KEY || "msg",
      redact: { paths: REDACTED_HEADERS.map((name) => `req.headers["${name}"]`), censor: "[redacted]" },
    },
    transform,
  );
  return run(app, { env, log });
}

/** As Probot reads it: `LOG_FORMAT` (`pretty` or `json`), else JSON in production. */
function logFormat(env: NodeJS.ProcessEnv): "json" | "pretty" {
  if (env.LOG_FORMAT) return env.LOG_FORMAT === "pretty" ? "pretty" : "json";
  return env.NODE_ENV === "production" ? "json" : "pretty";
}

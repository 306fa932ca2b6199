import { AsyncLocalStorage } from "node:async_hooks";
import type { Log } from "../log.js";

/** What a log line is about, as fields an operator can filter on (JSON logs: `LOG_FORMAT=json`). */
export interface LogFields {
  /** The webhook delivery (`X-GitHub-Delivery`) the work answers. */
  delivery?: string;
  event?: string;
  installation?: number;
  /** The meeting's home repository, `owner/name`. */
  repo?: string;
  meeting?: string;
  /** The occurrence's key, its local date. */
  occurrence?: string;
}

// The fields follow the work through its awaits, so that every line the work logs, however deep
// (operations log through the plain `Log` interface), carries them.
const current = new AsyncLocalStorage<LogFields>();

/** Runs `work` with `fields` on its log lines, over those of the work it belongs to. */
export function withLogFields<T>(fields: LogFields, work: () => T): T {
  return current.run({ ...current.getStore(), ...fields }, work);
}

/** Runs `work` with only `fields`: work of its own (a queued refresh), whatever set it off. */
export function withOwnLogFields<T>(fields: LogFields, work: () => T): T {
  return current.run(fields, work);
}

interface PinoLike {
  child(bindings: Record<string, unknown>): { info(message: string): void; warn(message: string): void; error(message: string): void; debug(message: string): void };
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The app's log: Probot's logger (read at each line, as Probot may replace it), each line with
 * the fields of the work it is logged from as child bindings.
 */
export function logWithFields(logger: () => PinoLike): Log {
  const target = () => {
    const log = logger();
    const fields = current.getStore();
    return fields && Object.keys(fields).length > 0 ? log.child({ ...fields }) : log;
  };
  return {
    info: (message) => target().info(message),
    warn: (message) => target().warn(message),
    error: (message) => target().error(message),
    debug: (message) => target().debug(message),
  };
}

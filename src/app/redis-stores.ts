import { Redis } from "ioredis";
import { UserError } from "../errors.js";
import type { Log, StoreHealth } from "../log.js";
import { createMemoryRegistry, type MeetingRegistry } from "../registry/meeting-registry.js";
import { createRedisRegistry } from "../registry/redis-registry.js";
import { createProcessLock, createRedisLock, type TickLock } from "../scheduler/lock.js";

/**
 * The app's own variable for Redis. Not `REDIS_URL`: with that, `probot run` also throttles every
 * GitHub call through Redis (Bottleneck), which stops all calls while Redis is down and for good
 * after Redis restarts or its keys expire (`ERR SETTINGS_KEY_NOT_FOUND`). Without it, Probot
 * throttles each process in memory.
 */
export const REDIS_URL_ENV = "AGENDA_DRAFTER_REDIS_URL";
/** A Redis command that takes longer counts as failed: the app goes on without it. */
const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;

export interface RedisStores {
  registry: MeetingRegistry;
  lock: TickLock;
  close(): Promise<void>;
  /** With Redis: resolves when Redis answers PING (within the command timeout), else rejects saying why. */
  ping?: () => Promise<void>;
}

/**
 * The registry and the tick lock: shared through Redis when `AGENDA_DRAFTER_REDIS_URL` is set,
 * else the process's own. Redis is an economy: while it is down, slow or emptied each replica
 * works on from its memory and GitHub-side claims, and the log says so once per outage.
 */
export function redisStoresFromEnv(env: NodeJS.ProcessEnv, log: Log, options: { commandTimeoutMs?: number; now?: () => Date } = {}): RedisStores {
  if (env.REDIS_URL) {
    throw new UserError(
      `REDIS_URL is set: Probot would throttle every GitHub call through Redis and stop calling GitHub when Redis fails. Rename it to ${REDIS_URL_ENV}.`,
    );
  }
  const url = env[REDIS_URL_ENV];
  if (!url) {
    const lock = createProcessLock(options.now);
    return { registry: createMemoryRegistry(), lock, close: () => lock.close() };
  }
  const redis = new Redis(url, {
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    // Fail a command at once when the connection is lost, rather than queue it for a reconnection that may not come.
    maxRetriesPerRequest: 0,
  });
  const health = redisHealth(redis, log);
  const lock = createRedisLock(redis, health, options.now);
  const ping = async () => void (await redis.ping());
  return { registry: createRedisRegistry(redis, health), lock, close: () => lock.close(), ping };
}

/** One warning when Redis starts failing, one line when it answers again; the listener also keeps ioredis from reporting "Unhandled error event". */
function redisHealth(redis: Redis, log: Log): StoreHealth {
  let down = false;
  const health: StoreHealth = {
    failed(error) {
      if (down) return;
      down = true;
      const reason = error instanceof Error ? error.message : String(error);
      log.warn(`Redis is unavailable (${reason}); working on without it: each replica uses its own memory, and GitHub-side claims keep every write exactly-once`);
    },
    succeeded() {
      if (!down) return;
      down = false;
      log.info("Redis is back");
    },
  };
  redis.on("error", (error: Error) => health.failed(error));
  redis.on("ready", () => health.succeeded());
  return health;
}

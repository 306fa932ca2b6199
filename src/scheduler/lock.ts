import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

// The tick lock is an economy, not the guarantee: it spares replicas from all doing the same
// tick's reads at once. What keeps them from creating anything twice is on GitHub's side (the
// claim ref, the minutes branch), so a lock that expires under a slow tick does no harm.

export interface TickLock {
  /** The held lock when this process got it; undefined while another holds it. */
  acquire(key: string, ttlMs: number): Promise<HeldLock | undefined>;
  close(): Promise<void>;
}

export interface HeldLock {
  /** Extends the hold; false when it expired and someone else may hold it now. */
  renew(ttlMs: number): Promise<boolean>;
  /** Lets go; false when it had expired already (and is left to its new holder). */
  release(): Promise<boolean>;
}

// Compare-and-delete and compare-and-extend: only the token's owner may release or renew, so a
// process whose lock expired cannot remove the next holder's.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** A lock shared by every replica that uses the same Redis: `SET key token NX PX ttl`. */
export function createRedisLock(redis: Redis): TickLock {
  return {
    async acquire(key, ttlMs) {
      const token = randomUUID();
      const set = await redis.set(key, token, "PX", ttlMs, "NX");
      if (set !== "OK") return undefined;
      return {
        renew: async (renewMs) => (await redis.eval(RENEW, 1, key, token, String(renewMs))) === 1,
        release: async () => (await redis.eval(RELEASE, 1, key, token)) === 1,
      };
    },
    close: async () => void (await redis.quit()),
  };
}

/** Without Redis: keeps one process's ticks from overlapping, and nothing more. */
export function createProcessLock(now: () => Date = () => new Date()): TickLock {
  const holders = new Map<string, { token: string; until: number }>();
  const holds = (key: string, token: string) => {
    const holder = holders.get(key);
    return holder?.token === token && holder.until > now().getTime();
  };
  return {
    async acquire(key, ttlMs) {
      const holder = holders.get(key);
      if (holder && holder.until > now().getTime()) return undefined;
      const token = randomUUID();
      holders.set(key, { token, until: now().getTime() + ttlMs });
      return {
        renew: async (renewMs) => holds(key, token) && (holders.set(key, { token, until: now().getTime() + renewMs }), true),
        release: async () => holds(key, token) && holders.delete(key),
      };
    },
    close: async () => holders.clear(),
  };
}

/** The Redis lock when `REDIS_URL` is set, else the process's own. */
export function lockFromEnv(env: NodeJS.ProcessEnv = process.env, now?: () => Date): TickLock {
  return env.REDIS_URL ? createRedisLock(new Redis(env.REDIS_URL)) : createProcessLock(now);
}

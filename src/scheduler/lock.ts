import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { StoreHealth } from "../log.js";

// The tick lock is an economy, not the guarantee: it spares replicas from all doing the same
// tick's reads at once. What keeps them from creating anything twice is on GitHub's side (the
// claim ref, the minutes branch), so a lock that expires under a slow tick does no harm, and while
// Redis fails each replica falls back to its own process lock.

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

const healthy: StoreHealth = { failed: () => undefined, succeeded: () => undefined };

/**
 * A lock shared by every replica that uses the same Redis: `SET key token NX PX ttl`. While Redis
 * fails (down, slow, emptied: a key gone is a lock not held) it is the process's own lock.
 */
export function createRedisLock(redis: Redis, health: StoreHealth = healthy, now?: () => Date): TickLock {
  const fallback = createProcessLock(now);
  async function attempt<T>(command: () => Promise<T>, onFailure: () => T | Promise<T>): Promise<T> {
    try {
      const result = await command();
      health.succeeded();
      return result;
    } catch (error) {
      health.failed(error);
      return onFailure();
    }
  }
  return {
    async acquire(key, ttlMs) {
      const token = randomUUID();
      const set = await attempt(() => redis.set(key, token, "PX", ttlMs, "NX"), () => undefined);
      if (set === undefined) return fallback.acquire(key, ttlMs);
      if (set !== "OK") return undefined;
      // A renewal or release Redis cannot answer is not a lost lock: the claims on GitHub's side keep the work exactly-once.
      return {
        renew: (renewMs) => attempt(async () => (await redis.eval(RENEW, 1, key, token, String(renewMs))) === 1, () => true),
        release: () => attempt(async () => (await redis.eval(RELEASE, 1, key, token)) === 1, () => true),
      };
    },
    close: async () => {
      await fallback.close();
      await attempt(async () => void (await redis.quit()), () => redis.disconnect());
    },
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

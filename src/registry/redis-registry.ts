import type { Redis } from "ioredis";
import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import { discoverMeetings } from "./discover-meetings.js";
import { createMemoryRegistry, type MeetingRegistry } from "./meeting-registry.js";
import type { Log, StoreHealth } from "../log.js";

// Discovery reads the config file of every repository an installation sees: on an org of 1,000
// repositories that is about 11 calls (100 repositories a GraphQL query). With Redis the discovered home repos outlive the process, so
// a restart, another replica or a cron run picks them up instead of reading everything again;
// push and installation_repositories events keep them current. `v1` is raised when the stored
// Meeting changes shape, which makes the next start-up discover afresh.
const PREFIX = "agenda-drafter:v1:installation";

const healthy: StoreHealth = { failed: () => undefined, succeeded: () => undefined };

/**
 * The meetings of each installation's home repos, kept in Redis and, as a fallback, in the
 * process's memory: Redis is an economy, never a requirement. Every write goes to both; while
 * Redis fails, reads come from memory (which discovers again what it does not know). An
 * installation written while Redis failed is dropped from Redis once it answers again, so that
 * it is discovered afresh rather than read stale. A missing `known` marker (Redis restarted
 * empty, keys evicted) means "discover again".
 */
export function createRedisRegistry(redis: Redis, health: StoreHealth = healthy): MeetingRegistry {
  const memory = createMemoryRegistry();
  const unsynced = new Set<number>();
  const known = (installationId: number) => `${PREFIX}:${installationId}:known`;
  const repos = (installationId: number) => `${PREFIX}:${installationId}:repos`;
  async function inRedis<T>(installationId: number, command: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      if (unsynced.has(installationId)) {
        await redis.del(known(installationId), repos(installationId));
        unsynced.delete(installationId);
      }
      const result = await command();
      health.succeeded();
      return result;
    } catch (error) {
      health.failed(error);
      unsynced.add(installationId);
      return fallback();
    }
  }
  const write = async (installationId: number, command: () => Promise<unknown>, inMemory: () => Promise<void>) => {
    await inMemory();
    await inRedis(installationId, command, async () => undefined);
  };
  return {
    knows: (installationId) =>
      inRedis(installationId, async () => (await redis.exists(known(installationId))) === 1, () => memory.knows(installationId)),
    markKnown: (installationId) =>
      write(installationId, () => redis.set(known(installationId), new Date().toISOString()), () => memory.markKnown(installationId)),
    setRepoMeetings: (installationId, repo, meetings) =>
      write(
        installationId,
        () =>
          meetings.length === 0
            ? redis.hdel(repos(installationId), repo.toLowerCase())
            : redis.hset(repos(installationId), repo.toLowerCase(), JSON.stringify(meetings)),
        () => memory.setRepoMeetings(installationId, repo, meetings),
      ),
    forgetRepo: (installationId, repo) =>
      write(installationId, () => redis.hdel(repos(installationId), repo.toLowerCase()), () => memory.forgetRepo(installationId, repo)),
    forgetInstallation: (installationId) =>
      write(installationId, () => redis.del(known(installationId), repos(installationId)), () => memory.forgetInstallation(installationId)),
    meetings: (installationId) =>
      inRedis(
        installationId,
        async () => Object.values(await redis.hgetall(repos(installationId))).flatMap((json) => JSON.parse(json) as Meeting[]),
        () => memory.meetings(installationId),
      ),
  };
}

export interface Discovered {
  meetings: Meeting[];
  /** API calls discovery made; 0 when the registry knew the installation already. */
  apiCalls: number;
}

/** The installation's meetings, discovering them only when the registry does not know them yet. */
export async function discoverInstallation(
  octokit: GitHub,
  installationId: number,
  registry: MeetingRegistry,
  log: Log,
): Promise<Discovered> {
  if (await registry.knows(installationId)) return { meetings: await registry.meetings(installationId), apiCalls: 0 };
  let apiCalls = 0;
  const count = async () => void apiCalls++;
  octokit.hook.before("request", count);
  try {
    await discoverMeetings(octokit, installationId, registry, log);
  } finally {
    octokit.hook.remove("request", count);
  }
  return { meetings: await registry.meetings(installationId), apiCalls };
}

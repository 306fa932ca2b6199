import { Redis } from "ioredis";
import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import { discoverMeetings } from "./discover-meetings.js";
import { createMemoryRegistry, type MeetingRegistry } from "./meeting-registry.js";
import type { Log } from "../log.js";

// Discovery reads the config file of every repository an installation sees: on an org of 1,000
// repositories that is 1,000 calls. With Redis the discovered home repos outlive the process, so
// a restart, another replica or a cron run picks them up instead of reading everything again;
// push and installation_repositories events keep them current. `v1` is raised when the stored
// Meeting changes shape, which makes the next start-up discover afresh.
const PREFIX = "agenda-drafter:v1:installation";

/** The meetings of each installation's home repos, kept in Redis. */
export function createRedisRegistry(redis: Redis): MeetingRegistry {
  const known = (installationId: number) => `${PREFIX}:${installationId}:known`;
  const repos = (installationId: number) => `${PREFIX}:${installationId}:repos`;
  return {
    knows: async (installationId) => (await redis.exists(known(installationId))) === 1,
    markKnown: async (installationId) => void (await redis.set(known(installationId), new Date().toISOString())),
    setRepoMeetings: async (installationId, repo, meetings) => {
      if (meetings.length === 0) await redis.hdel(repos(installationId), repo.toLowerCase());
      else await redis.hset(repos(installationId), repo.toLowerCase(), JSON.stringify(meetings));
    },
    forgetRepo: async (installationId, repo) => void (await redis.hdel(repos(installationId), repo.toLowerCase())),
    forgetInstallation: async (installationId) => void (await redis.del(known(installationId), repos(installationId))),
    meetings: async (installationId) =>
      Object.values(await redis.hgetall(repos(installationId))).flatMap((json) => JSON.parse(json) as Meeting[]),
  };
}

/** The Redis registry when `REDIS_URL` is set, else one process's memory. */
export function registryFromEnv(env: NodeJS.ProcessEnv = process.env): MeetingRegistry {
  return env.REDIS_URL ? createRedisRegistry(new Redis(env.REDIS_URL)) : createMemoryRegistry();
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

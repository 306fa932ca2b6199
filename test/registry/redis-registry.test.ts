import nock from "nock";
import { ProbotOctokit } from "probot";
import { Redis } from "ioredis";
import type { GitHub } from "../../src/github.js";
import { createRedisRegistry, discoverInstallation } from "../../src/registry/redis-registry.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "../scheduler/redis-server.js";

const CONFIG = `meetings:
  security-wg:
    name: Node.js Security team
    schedule:
      timezone: UTC
      start: 2024-03-28T16:00
      rrule: FREQ=WEEKLY;INTERVAL=2
`;

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

function octokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
}

describeWithRedis("createRedisRegistry", () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  const registry = () => {
    const redis = new Redis(server.url);
    clients.push(redis);
    return createRedisRegistry(redis);
  };

  beforeAll(async () => {
    server = await startRedisServer();
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await server.stop();
    nock.enableNetConnect();
  });

  test("what one process discovered, another (a restart, a cron run) finds without a call", async () => {
    const scope = nock("https://api.github.com")
      .get("/installation/repositories")
      .query({ per_page: "100" })
      .reply(200, {
        total_count: 2,
        repositories: [
          { name: "security-wg", owner: { login: "nodejs" }, archived: false },
          { name: "node", owner: { login: "nodejs" }, archived: false },
        ],
      })
      .post("/graphql")
      .reply(200, {
        data: {
          r0: { name: "security-wg", owner: { login: "nodejs" }, isArchived: false, config: { text: CONFIG, isTruncated: false } },
          r1: { name: "node", owner: { login: "nodejs" }, isArchived: false, config: null },
        },
      });

    const first = await discoverInstallation(octokit(), 7, registry(), log);
    expect(scope.pendingMocks()).toEqual([]);
    expect(first.apiCalls).toBe(2);
    expect(first.meetings.map((meeting) => `${meeting.home.owner}/${meeting.home.repo} ${meeting.id}`)).toEqual(["nodejs/security-wg security-wg"]);

    const second = await discoverInstallation(octokit(), 7, registry(), log);
    expect(second).toEqual({ meetings: first.meetings, apiCalls: 0 });
  });

  test("follows changes to a repository and forgets an uninstalled installation", async () => {
    const store = registry();
    await store.markKnown(8);
    await store.setRepoMeetings(8, "nodejs/Security-WG", [securityWgMeeting()]);
    expect(await registry().meetings(8)).toEqual([securityWgMeeting()]);
    await store.setRepoMeetings(8, "nodejs/security-wg", []);
    expect(await store.meetings(8)).toEqual([]);
    await store.forgetInstallation(8);
    expect(await registry().knows(8)).toBe(false);
  });
});

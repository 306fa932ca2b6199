// Redis is an economy, never a requirement: with Redis slow, stopped, restarted empty or left idle until
// its keys expire, the app keeps refreshing meeting issues and ticking on GitHub-side claims alone,
// with Probot's throttling on (in memory, as `probot run` sets it up without REDIS_URL), and says
// so once.
import { Redis } from "ioredis";
import { redisStoresFromEnv, REDIS_URL_ENV, type RedisStores } from "../../src/app/redis-stores.js";
import type { Log } from "../../src/log.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "../scheduler/redis-server.js";
import { startE2E, type E2E } from "./harness.js";
import { agendaItems, meetingIssue, SNAPSHOT_FILE } from "./live-issue-app.js";
import { drafterProcess, stepsDone, type DrafterProcess } from "./drafter-app.js";

const LABEL = "security-wg-agenda";

describeWithRedis("the app with Redis failing under it", () => {
  let redis: RedisServer;
  let e2e: E2E | undefined;
  let stores: RedisStores | undefined;
  let replica: DrafterProcess;
  const messages: string[] = [];
  const log: Log = {
    info: (message) => void messages.push(`info: ${message}`),
    warn: (message) => void messages.push(`warn: ${message}`),
    error: (message) => void messages.push(`error: ${message}`),
  };
  const aboutRedis = () => messages.filter((message) => /redis/i.test(message));

  beforeEach(async () => {
    messages.length = 0;
    redis = await startRedisServer();
    stores = redisStoresFromEnv({ [REDIS_URL_ENV]: redis.url }, log, { commandTimeoutMs: 500 });
    replica = drafterProcess(stores);
    e2e = await startE2E({ snapshotFile: SNAPSHOT_FILE, app: replica.app, idle: replica.drafter.settled });
    await e2e.settle();
  });
  afterEach(async () => {
    await e2e?.close();
    await stores?.close();
    await redis.stop();
  });

  async function labelAndSettle(repo: string, number: number) {
    await e2e!.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo, issue_number: number, labels: [LABEL] });
    await e2e!.settle();
  }

  async function tick() {
    const run = await replica.drafter.tick();
    await e2e!.settle();
    return stepsDone(run);
  }

  /** The meeting issue follows a label, and the tick at the meeting's start freezes the agenda. */
  async function expectTheAppToWork() {
    await labelAndSettle("node", 52575);
    expect(agendaItems(meetingIssue(e2e!))).toContain("nodejs/node#52575");
    e2e!.clock.set("2024-03-28T16:30:00Z");
    expect(await tick()).toEqual(["freeze-agenda 2024-03-28"]);
  }

  test("stopped while the app runs: meeting issues are still refreshed and ticks still run, with one warning", async () => {
    expect(agendaItems(meetingIssue(e2e!))).not.toContain("nodejs/node#52575");
    await redis.stop();

    await expectTheAppToWork();
    await labelAndSettle("node", 52459);
    expect(agendaItems(meetingIssue(e2e!))).not.toContain("nodejs/node#52459"); // frozen: for the next meeting
    expect(aboutRedis()).toEqual([expect.stringMatching(/^warn: Redis is unavailable/)]);
  });

  test("slow (the server answers nothing, its connections open): meeting issues are still refreshed and ticks still run, with one warning; Redis is back once it answers", async () => {
    redis.pause();

    await expectTheAppToWork();
    expect(aboutRedis()).toEqual([expect.stringMatching(/^warn: Redis is unavailable \(Command timed out\)/)]);

    redis.resume();
    await labelAndSettle("undici", 3054);
    expect(agendaItems(meetingIssue(e2e!))).not.toContain("nodejs/undici#3054"); // frozen: for the next meeting
    expect(aboutRedis()).toEqual([expect.stringMatching(/^warn: Redis is unavailable/), "info: Redis is back"]);
  });

  test("restarted empty: the app discovers the meetings again and keeps working, and says Redis is back once", async () => {
    await redis.stop();
    await labelAndSettle("node", 52459);
    redis = await startRedisServer(redis.port);

    await expectTheAppToWork();
    const client = new Redis(redis.url);
    expect((await client.keys("agenda-drafter:v1:installation:*")).sort()).toEqual([
      expect.stringMatching(/:known$/),
      expect.stringMatching(/:repos$/),
    ]);
    await client.quit();
    expect(aboutRedis()).toEqual([expect.stringMatching(/^warn: Redis is unavailable/), "info: Redis is back"]);
  });

  test("left idle until every key expired: GitHub calls still happen afterwards", async () => {
    const client = new Redis(redis.url);
    // The idle period, shortened: every key expires, as the throttling's and the lock's do after minutes.
    for (const key of await client.keys("*")) await client.pexpire(key, 20);
    while ((await client.dbsize()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await client.quit();

    await expectTheAppToWork();
    expect(aboutRedis()).toEqual([]);
  });
});

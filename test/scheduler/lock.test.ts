import { Redis } from "ioredis";
import { createProcessLock, createRedisLock, type TickLock } from "../../src/scheduler/lock.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "./redis-server.js";

describeWithRedis("createRedisLock", () => {
  let server: RedisServer;
  const locks: TickLock[] = [];
  const replica = () => {
    const lock = createRedisLock(new Redis(server.url));
    locks.push(lock);
    return lock;
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(locks.splice(0).map((lock) => lock.close()));
  });
  afterAll(async () => {
    await server.stop();
  });

  test("of three replicas asking at once, one gets the lock", async () => {
    const replicas = [replica(), replica(), replica()];
    const held = await Promise.all(replicas.map((lock) => lock.acquire("agenda-drafter:tick:42", 10_000)));
    expect(held.filter(Boolean)).toHaveLength(1);
  });

  test("released, it can be taken again; a release by a stale holder does not free the new one", async () => {
    const [first, second] = [replica(), replica()];
    const stale = await first.acquire("agenda-drafter:tick:release", 50);
    expect(stale).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 120));

    const current = await second.acquire("agenda-drafter:tick:release", 10_000);
    expect(current).toBeDefined();
    expect(await stale!.release()).toBe(false);
    expect(await stale!.renew(10_000)).toBe(false);
    expect(await first.acquire("agenda-drafter:tick:release", 10_000)).toBeUndefined();

    expect(await current!.release()).toBe(true);
    expect(await first.acquire("agenda-drafter:tick:release", 10_000)).toBeDefined();
  });

  test("renewing keeps the lock past its first expiry", async () => {
    const [first, second] = [replica(), replica()];
    const held = await first.acquire("agenda-drafter:tick:renew", 100);
    expect(await held!.renew(10_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await second.acquire("agenda-drafter:tick:renew", 10_000)).toBeUndefined();
  });
});

describe("createProcessLock", () => {
  test("keeps one process's ticks from overlapping until released or expired", async () => {
    let now = Date.parse("2024-03-28T16:00:00Z");
    const lock = createProcessLock(() => new Date(now));
    const held = await lock.acquire("tick", 60_000);
    expect(held).toBeDefined();
    expect(await lock.acquire("tick", 60_000)).toBeUndefined();
    expect(await held!.release()).toBe(true);

    const next = await lock.acquire("tick", 60_000);
    now += 61_000;
    expect(await next!.renew(60_000)).toBe(false);
    expect(await lock.acquire("tick", 60_000)).toBeDefined();
  });
});

import { jest } from "@jest/globals";
import { UserError } from "../../src/errors.js";
import { redisStoresFromEnv, REDIS_URL_ENV, type RedisStores } from "../../src/app/redis-stores.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "../scheduler/redis-server.js";

const messages: string[] = [];
const log = {
  info: (message: string) => void messages.push(`info: ${message}`),
  warn: (message: string) => void messages.push(`warn: ${message}`),
  error: (message: string) => void messages.push(`error: ${message}`),
};

beforeEach(() => {
  messages.length = 0;
});

test("REDIS_URL is refused with one message saying what to set instead", () => {
  expect(() => redisStoresFromEnv({ REDIS_URL: "redis://127.0.0.1:6379" }, log)).toThrow(UserError);
  expect(() => redisStoresFromEnv({ REDIS_URL: "redis://127.0.0.1:6379" }, log)).toThrow(/Rename it to AGENDA_DRAFTER_REDIS_URL/);
});

describeWithRedis("the stores on a Redis that fails", () => {
  let server: RedisServer;
  let stores: RedisStores;
  beforeEach(async () => {
    server = await startRedisServer();
    stores = redisStoresFromEnv({ [REDIS_URL_ENV]: server.url }, log, { commandTimeoutMs: 200 });
  });
  afterEach(async () => {
    await stores.close();
    await server.stop();
  });

  test("slow: commands time out, the registry and the lock work from the process, one warning, and back once", async () => {
    await stores.registry.markKnown(4711);
    server.pause();
    expect(await stores.registry.knows(4711)).toBe(true);
    await stores.registry.setRepoMeetings(4712, "nodejs/security-wg", []);
    const held = await stores.lock.acquire("agenda-drafter:tick", 10_000);
    expect(held).toBeDefined();
    expect(await stores.lock.acquire("agenda-drafter:tick", 10_000)).toBeUndefined();
    expect(messages).toEqual([expect.stringMatching(/^warn: Redis is unavailable \(Command timed out\)/)]);
    server.resume();
    expect(await held!.release()).toBe(true);
    expect(await stores.registry.knows(4711)).toBe(false); // written while Redis failed: discovered afresh
    expect(messages.at(-1)).toBe("info: Redis is back");
  });

  test("down: no unhandled error events, one warning however many commands fail", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await server.stop();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await stores.registry.knows(4711)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(messages).toEqual([expect.stringMatching(/^warn: Redis is unavailable/)]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});

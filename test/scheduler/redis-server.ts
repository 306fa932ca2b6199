import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

/** Whether `redis-server` can be run here. */
export const redisServerInstalled = spawnSync("redis-server", ["--version"]).status === 0;

/**
 * `describe` for tests that need a real Redis: skipped with a visible notice where redis-server
 * is not installed, and failing under CI, which must install it.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisServerInstalled) {
    describe(name, body);
    return;
  }
  if (process.env.CI === "true") {
    test(`${name}: redis-server is installed`, () => {
      throw new Error("redis-server is not installed; CI must install it (Debian package redis-server).");
    });
    return;
  }
  console.warn(`Skipping "${name}": redis-server is not installed (Debian package redis-server).`);
  describe.skip(name, body);
}

export interface RedisServer {
  url: string;
  port: number;
  /** Freezes the server (SIGSTOP): connections stay open and nothing is answered, as a slow Redis. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** Starts a throwaway redis-server, without persistence, on `port` (a restart, empty) or a free one. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilReady(url, child);
  return {
    url,
    port,
    pause: () => void child.kill("SIGSTOP"),
    resume: () => void child.kill("SIGCONT"),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGCONT");
        child.kill("SIGTERM");
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await client.connect();
      await client.ping();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      client.disconnect();
    }
  }
  throw new Error("redis-server did not answer within 5 seconds");
}

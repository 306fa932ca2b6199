import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CRON_PATH, cronHandler } from "../../src/scheduler/cron-endpoint.js";

const SECRET = "s3cr3t-cron-token-0123456789";

describe("cronHandler", () => {
  let server: Server;
  let base: string;
  let ticks = 0;

  beforeAll(async () => {
    const handler = cronHandler(SECRET, async () => ({ kind: "ran", tick: ++ticks }));
    server = createServer(async (request, response) => {
      if (!(await handler(request, response))) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("runs a tick for a POST with the bearer secret", async () => {
    const response = await fetch(`${base}${CRON_PATH}`, { method: "POST", headers: { authorization: `Bearer ${SECRET}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kind: "ran", tick: 1 });
  });

  test.each([
    ["no secret", undefined],
    ["a wrong secret", "Bearer s3cr3t-cron-token-0123456788"],
    ["a prefix of the secret", "Bearer s3cr3t"],
    ["the secret without Bearer", SECRET],
  ])("answers 401 to %s, without ticking", async (_case, authorization) => {
    const before = ticks;
    const response = await fetch(`${base}${CRON_PATH}`, { method: "POST", headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(ticks).toBe(before);
  });

  test("leaves other paths to the next handler and refuses GET", async () => {
    expect((await fetch(`${base}/api/github/webhooks`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${base}${CRON_PATH}`, { headers: { authorization: `Bearer ${SECRET}` } })).status).toBe(405);
  });

  test("refuses a short secret", () => {
    expect(() => cronHandler("hunter2", async () => undefined)).toThrow("AGENDA_DRAFTER_CRON_SECRET must be at least 16 characters long.");
  });
});

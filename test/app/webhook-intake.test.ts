// The webhook path of the app as `probot run` serves it (Probot's Server, its handler chain and
// logger), against anyone on the internet: bodies over GitHub's 25 MB are refused before they are
// buffered, and a refused or failing webhook is one short log line, never its payload.
import { createHmac, generateKeyPairSync } from "node:crypto";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { Writable } from "node:stream";
import nock from "nock";
import { pino } from "pino";
import { Probot, ProbotOctokit, Server } from "probot";
import { createAgendaDrafter, type AgendaDrafter } from "../../src/app/create-agenda-drafter.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";

const SECRET = "intake-secret";
const LIMIT = 26_214_400;
const MB = 1024 * 1024;
const PRIVATE_TITLE = "Embargoed: heap overflow in nodejs/private-triage";

interface LogLine {
  level: number;
  msg: string;
  line: string;
}

let server: Server;
let drafter: AgendaDrafter;
let port: number;
let lines: LogLine[];
/** Bytes the app's server read from each connection's socket. */
let bytesRead: () => number;
/** Every delivery Probot receives comes here first (its `onAny`), after the app's own handlers are set. */
let received: (event: { id: string; name: string }) => Promise<void>;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith("127.0.0.1:"));
  nock("https://api.github.com").persist().get("/app/installations").query(true).reply(200, []);
  lines = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        const parsed = JSON.parse(line) as { level: number; msg?: string };
        lines.push({ level: parsed.level, msg: parsed.msg ?? "", line });
      }
      done();
    },
  });
  const log = pino({ level: "debug" }, sink);
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const Octokit = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } });
  port = await freePort();
  server = new Server({ Probot: Probot.defaults({ appId: 1, privateKey, secret: SECRET, log, Octokit }), log, port, host: "127.0.0.1" });
  drafter = createAgendaDrafter({ debounceMs: 0, stateSigner: TEST_STATE_SIGNER });
  received = async () => {};
  await server.load((probot, options) => {
    void drafter.app(probot, options);
    probot.webhooks.onAny((event) => received(event));
  });
  const http = await server.start();
  const sockets: Socket[] = [];
  http.on("connection", (socket: Socket) => void sockets.push(socket));
  bytesRead = () => sockets.reduce((sum, socket) => sum + socket.bytesRead, 0);
});

afterEach(async () => {
  await server.stop();
  nock.cleanAll();
  nock.enableNetConnect();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

interface Sent {
  status: number | "connection cut";
  bytesWritten: number;
}

/**
 * POSTs `total` bytes of body to the webhook path over a bare socket (which nock leaves alone),
 * 64 KiB at a time, stopping when the server answers or cuts the connection.
 */
function post(total: number, headers: Record<string, string | number>, chunked: boolean, path = "/api/github/webhooks"): Promise<Sent> {
  return new Promise((resolve) => {
    let bytesWritten = 0;
    let done = false;
    const socket = connect(port, "127.0.0.1");
    const finish = (status: Sent["status"]) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status, bytesWritten });
    };
    let answer = "";
    socket.on("data", (data: Buffer) => {
      answer += data.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      if (status) finish(Number(status));
    });
    socket.on("error", () => finish("connection cut"));
    socket.on("close", () => finish("connection cut"));
    const head = {
      host: "127.0.0.1",
      "content-type": "application/json",
      "x-github-event": "issues",
      "x-github-delivery": "d-1",
      "x-hub-signature-256": "sha256=00",
      ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": total }),
      ...headers,
    };
    socket.write(`POST ${path} HTTP/1.1\r\n${Object.entries(head).map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n`);
    const chunk = Buffer.alloc(64 * 1024, "a");
    const frame = chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk;
    const pump = () => {
      while (!done && bytesWritten < total) {
        bytesWritten += chunk.length;
        if (!socket.write(frame)) return void socket.once("drain", pump);
      }
      if (!done && chunked) socket.write("0\r\n\r\n");
    };
    pump();
  });
}

// The server answers 413 and closes while the client is still sending: the client reads the 413,
// or, when the close's reset overtakes it, sees the connection cut. Either way the body stays unread.
test("a 30 MB unauthenticated POST declared by content-length is refused with 413 before its body is read", async () => {
  const sent = await post(30 * MB, {}, false);
  expect([413, "connection cut"]).toContain(sent.status);
  expect(bytesRead()).toBeLessThan(2 * MB);
});

test("a 30 MB content-length announced with only its headers sent is answered 413 at once", async () => {
  expect((await post(0, { "content-length": 30 * MB }, false)).status).toBe(413);
  expect(bytesRead()).toBeLessThan(64 * 1024);
});

// The webhooks middleware finds its path in the URL as parsed, dot segments and all: so must the guard.
test("a 30 MB content-length to the webhook path written with a dot segment is answered 413 at once too", async () => {
  expect((await post(0, { "content-length": 30 * MB }, false, "/api/github/./webhooks")).status).toBe(413);
  expect(bytesRead()).toBeLessThan(64 * 1024);
});

test("a chunked 30 MB POST is cut off at GitHub's 25 MB: the server reads no further", async () => {
  const sent = await post(30 * MB, {}, true);
  expect([413, "connection cut"]).toContain(sent.status);
  expect(bytesRead()).toBeLessThan(LIMIT + MB);
});

async function deliver(body: string, signature: string): Promise<number> {
  return (await send(body, { "x-hub-signature-256": signature })).status;
}

/** POSTs a delivery of `issues` (d-2) signed right, with `headers` over the default ones (undefined drops one). */
async function send(body: string, headers: Record<string, string | undefined> = {}): Promise<{ status: number; text: string }> {
  const all = {
    "content-type": "application/json",
    "x-github-event": "issues",
    "x-github-delivery": "d-2",
    "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
    ...headers,
  };
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** A gate the test opens. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const payload = JSON.stringify({
  action: "labeled",
  issue: { number: 7, title: PRIVATE_TITLE, labels: [], state: "open" },
  label: { name: "security-wg-agenda" },
  repository: { name: "private-triage", owner: { login: "nodejs" }, private: true },
  installation: { id: 4711 },
});

/** The log lines a person reads at info level since start-up, without Probot's one line per HTTP request. */
function infoLines(): LogLine[] {
  return lines.filter((line) => line.level >= 30 && !/^(POST \/api\/github\/webhooks \d+ - \d+ms|Running Probot .*|Listening on .*)$/.test(line.msg));
}

test("a POST with a bad signature is refused with one short log line, and its payload is never logged", async () => {
  expect(await deliver(payload, "sha256=" + "0".repeat(64))).toBe(400);
  expect(infoLines().map((line) => line.msg)).toEqual([expect.stringMatching(/signature/)]);
  expect(infoLines()[0]!.line.length).toBeLessThan(400);
  expect(lines.filter((line) => line.line.includes("private-triage") || line.line.includes("Embargoed"))).toEqual([]);
});

test("a webhook whose handling fails is answered first, then logged as what failed, without its payload", async () => {
  nock("https://api.github.com")
    .post("/app/installations/4711/access_tokens")
    .reply(201, { token: "t", expires_at: "2099-01-01T00:00:00Z" })
    .get("/installation/repositories")
    .query(true)
    .reply(500, { message: "Server Error" });
  expect(await deliver(payload, `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}`)).toBe(200);
  await drafter.idle();
  expect(infoLines()).toHaveLength(1);
  expect(infoLines()[0]!.msg).toMatch(/issues\.labeled.*d-2.*500/);
  expect(lines.filter((line) => line.line.includes("private-triage") || line.line.includes("Embargoed"))).toEqual([]);
});

describe("a delivery the app accepts is answered before Probot receives it", () => {
  const unlabeled = (number: number) => JSON.stringify({ ...JSON.parse(payload), action: "unlabeled", issue: { number, title: "t", labels: [], state: "open" }, label: { name: "x" } });

  test("answered 200 while a receive is held up; the receives then run in the order the deliveries came", async () => {
    const held = gate();
    const order: string[] = [];
    received = async (event) => {
      order.push(event.id);
      if (event.id === "d-1") await held.opened;
    };
    for (const id of ["d-1", "d-2", "d-3"]) expect(await send(unlabeled(Number(id.slice(2))), { "x-github-delivery": id })).toEqual({ status: 200, text: "ok\n" });
    expect(order).toEqual(["d-1"]);
    held.open();
    await drafter.settled();
    expect(order).toEqual(["d-1", "d-2", "d-3"]);
  });

  test("settled() waits for a receive queued behind the answer", async () => {
    const held = gate();
    let done = false;
    received = async () => {
      await held.opened;
      done = true;
    };
    expect((await send(unlabeled(3))).status).toBe(200);
    const settled = drafter.settled().then(() => done);
    held.open();
    expect(await settled).toBe(true);
  });

  test("an event no handler listens to is answered as Probot answers it, and nothing is received for it", async () => {
    const names: string[] = [];
    received = async (event) => void names.push(event.name);
    expect(await send(JSON.stringify({ action: "created", starred_at: null, installation: { id: 4711 } }), { "x-github-event": "star" })).toEqual({ status: 200, text: "ok\n" });
    await drafter.settled();
    expect(names).toEqual([]);
  });

  test("what the middleware refuses is refused as before: missing headers 400, not JSON 415, malformed JSON unsigned 400", async () => {
    expect(await send(unlabeled(4), { "x-github-delivery": undefined })).toEqual({ status: 400, text: expect.stringContaining("Required headers missing: x-github-delivery") });
    expect((await send(unlabeled(4), { "content-type": "text/plain" })).status).toBe(415);
    expect((await send("{not json", { "x-hub-signature-256": undefined })).status).toBe(400);
    expect((await send(unlabeled(4), { "x-hub-signature-256": undefined })).status).toBe(400);
  });

  test("a delivery whose receive fails after its answer is one error line naming it, counted in errors_total{where=\"receive\"}", async () => {
    const discovery = nock("https://api.github.com")
      .post("/app/installations/4711/access_tokens")
      .reply(201, { token: "t", expires_at: "2099-01-01T00:00:00Z" })
      .get("/installation/repositories")
      .query(true)
      .reply(200, { total_count: 0, repository_selection: "selected", repositories: [] });
    received = async () => {
      throw new Error("no context for this delivery");
    };
    expect(await send(unlabeled(5), { "x-github-delivery": "d-5" })).toEqual({ status: 200, text: "ok\n" });
    // Signed right but not JSON: only the secret's holder sends that, and it is answered before it is parsed.
    expect(await send("{not json", { "x-github-delivery": "d-6" })).toEqual({ status: 200, text: "ok\n" });
    await drafter.settled();
    // Probot's own error handler logs a failed receive too (with the payload: see the README's
    // "What survives what"); the app's line is the one that names the delivery.
    expect(infoLines().map((line) => line.msg).filter((msg) => msg.startsWith("webhook "))).toEqual([
      "webhook issues d-5 failed: no context for this delivery",
      expect.stringMatching(/^webhook issues d-6 failed: its body is not JSON \(/),
    ]);
    expect((await drafter.metrics.errors.get()).values).toEqual([{ labels: { where: "receive" }, value: 2 }]);
    expect(discovery.pendingMocks()).toEqual([]);
  });
});

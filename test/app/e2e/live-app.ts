import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot } from "probot";
import { createAgendaDrafter, type AgendaDrafter } from "../../../src/app/create-agenda-drafter.js";
import type { GitHub } from "../../../src/github.js";
import { Sandbox } from "../../../src/sandbox/sandbox.js";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server.js";
import { privateKey, TestOctokit } from "../harness.js";

export const APP_ID = 41_000;
const SECRET = "e2e-webhook-secret";

export const E2E_CONFIG = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
    timezones: [UTC]
`;

/** The Node.js org with the Security WG's home repo and two more repositories. */
export function e2eSnapshot(config = E2E_CONFIG, extraIssues = ""): string {
  return `
now: "2024-03-26T09:00:00Z"
orgs:
  nodejs:
    owners: [mhdawson]
    members: [mhdawson, RafaelGSS]
    repos:
      security-wg:
        files:
          .github/agenda-drafter.yml: ${JSON.stringify(config)}
        issues:
          - { number: 1255, title: "Node.js Security Initiatives 2024", labels: [security-wg-agenda], author: RafaelGSS }
          - { number: 1236, title: "Proposed approach for build steps in deps which are not in make node", author: mhdawson }${extraIssues}
      node:
        issues:
          - { number: 52575, title: "Remove --experimental-policy", author: RafaelGSS }
          - { number: 52459, title: "tools: change inactive limit to 9 months", pull_request: true, author: mhdawson }
      undici:
        issues:
          - { number: 3054, title: "fetch: handle a redirect to a data: URL", author: RafaelGSS }
installations:
  - { id: 4001, account: nodejs, repositories: all }
`;
}

export interface LiveApp {
  sandbox: Sandbox;
  server: SandboxServer;
  /** Acting as a person through the sandbox's API, so that the app gets the webhooks. */
  as(login: string): GitHub;
  /** Waits until every webhook was answered and every refresh it caused has run. */
  quiesce(): Promise<void>;
  /** Starts another process of the app on the same sandbox; its webhooks are not delivered. */
  replica(): Promise<AgendaDrafter & { probot: Probot }>;
  close(): Promise<void>;
}

/** A sandbox served over HTTP and the app in a real Probot behind an HTTP server, wired by signed webhooks. */
export async function startLiveApp(snapshot = e2eSnapshot(), debounceMs = 50): Promise<LiveApp> {
  const sandbox = Sandbox.fromSnapshot(snapshot);
  let middleware: Awaited<ReturnType<typeof createNodeMiddleware>> | undefined;
  const appServer: Server = createServer((request, response) => {
    if (middleware) void middleware(request, response);
    else response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
  const server = await startSandboxServer(sandbox, {
    port: 0,
    webhook: { url: `${appUrl}/api/github/webhooks`, secret: SECRET },
    app: { id: APP_ID, privateKey },
  });

  const createApp = () => {
    const drafter = createAgendaDrafter({ debounceMs, now: () => sandbox.clock.now(), claimWaitMs: 400 });
    const probot = new Probot({
      appId: APP_ID,
      privateKey,
      secret: SECRET,
      baseUrl: `${server.url}/api/v3`,
      logLevel: (process.env.TEST_LOG_LEVEL as "fatal" | undefined) ?? "fatal",
      Octokit: TestOctokit,
    });
    return { ...drafter, probot };
  };
  const main = createApp();
  middleware = await createNodeMiddleware(main.app, { probot: main.probot });
  const replicas: AgendaDrafter[] = [];

  const quiesce = async () => {
    for (let round = 0; round < 20; round++) {
      const before = server.webhooks?.records.length ?? 0;
      await server.settled();
      await Promise.all([main.idle(), ...replicas.map((replica) => replica.idle())]);
      await server.settled();
      if ((server.webhooks?.records.length ?? 0) === before) return;
    }
    throw new Error("the app and the sandbox did not settle in 20 rounds");
  };

  return {
    sandbox,
    server,
    as: (login) => sandbox.octokit(`user:${login}`),
    quiesce,
    replica: async () => {
      const replica = createApp();
      await replica.probot.load(replica.app);
      replicas.push(replica);
      return replica;
    },
    close: async () => {
      await quiesce();
      await server.close();
      await new Promise<void>((resolve) => appServer.close(() => resolve()));
    },
  };
}

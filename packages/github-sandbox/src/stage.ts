// A stage for the app: a sandbox GitHub served over HTTP and the app running as a real Probot
// server against it, with a generated app key, real JWTs, installation tokens and signed webhooks.
// The demo plays its story on it and the end-to-end tests theirs. The stage knows nothing of the
// app: callers pass the app function in.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Duration } from "luxon";
import { createNodeMiddleware, Probot, type ApplicationFunctionOptions } from "probot";
import type { RequestFaultInput } from "./faults/request-fault.js";
import type { RequestFaultRecord } from "./faults/request-faults.js";
import { findPath } from "./git-store.js";
import { gitHubGraphqlSchema } from "./graphql/github-graphql-schema.js";
import type { SandboxOctokit } from "./sandbox-octokit.js";
import { Sandbox, type AnsweredRequest } from "./sandbox.js";
import type { ApiRequest } from "./api-requests.js";
import { loadSnapshot } from "./snapshot.js";
import { startSandboxServer, type SandboxServer } from "./server.js";
import { stageAppKey } from "./stage-app-key.js";
import { stageAppOctokit, StagePersonOctokit } from "./stage-octokit.js";
import { repoKey, type CommentRecord, type IssueRecord, type PullRequestIssue, type RepoRecord } from "./state.js";
import type { DeliveryFaults, DeliveryRecord } from "./webhooks/webhook-deliverer.js";

/** Where Probot's middleware takes webhooks; the app's other handlers share its server. */
const WEBHOOKS_PATH = "/api/github/webhooks";
const DEFAULT_APP_ID = 834021;

type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

/** What the app function gets besides Probot's own options: the sandbox clock, to follow it. */
export interface StageAppOptions extends ApplicationFunctionOptions {
  /** The sandbox clock's time: the app's "now" on the stage. */
  now: () => Date;
  /** The sandbox's root URL (REST at `/api/v3`, GraphQL at `/api/graphql`). */
  sandboxUrl: string;
}

export interface StageOptions {
  /** The snapshot as YAML text; or give `snapshotFile`. */
  snapshot?: string;
  snapshotFile?: string;
  app: (probot: Probot, options: StageAppOptions) => void | Promise<void>;
  /** Environment variables set while the app runs, restored by `close()`. */
  env?: Record<string, string>;
  /** Resolves once the app has finished the work it queued (debounced refreshes...); `settle()` waits for it too. */
  idle?: () => Promise<void>;
  /** The sandbox's port; 0 (the default) picks a free one. The app's server always takes a free one. */
  port?: number;
  /** The app's id. Default: 834021. */
  appId?: number;
  /** The secret webhooks are signed with. Default: a random one. */
  webhookSecret?: string;
  /** Probot's log level. Default: "fatal", so that only the caller speaks. */
  logLevel?: LogLevel;
}

export interface Stage {
  sandbox: Sandbox;
  server: SandboxServer;
  probot: Probot;
  /** The sandbox's root URL, e.g. for its web page. */
  url: string;
  /** The app server's root URL: webhooks at `/api/github/webhooks`, the app's own handlers beside. */
  appUrl: string;
  /** An Octokit acting as a person (`token user:<login>`), over HTTP, with that person's rights in the snapshot. */
  as(login: string): SandboxOctokit;
  clock: {
    now(): Date;
    /** An ISO instant. */
    set(instant: string): void;
    /** Milliseconds or an ISO 8601 duration (`P3D`, `PT2H`). */
    advance(by: number | string): void;
  };
  /** Waits until every webhook so far is answered, the app's reactions to them too, and nothing new happens. */
  settle(): Promise<void>;
  /** Webhook delivery faults for reliability tests: duplicates, reversed batches, late deliveries. */
  faults(faults: Partial<DeliveryFaults>): void;
  /**
   * Request faults (see the package README): from now on, requests matching a fault fail as it
   * says, e.g. `failRequests({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", kind: "lost-response" })`.
   * Throws naming the problem in a fault. Returns the faults added, with their ids.
   */
  failRequests(...faults: RequestFaultInput[]): RequestFaultRecord[];
  /** The request faults in force, with how many matching requests each saw and failed (`seen`, `fired`). */
  requestFaults(): RequestFaultRecord[];
  /** Removes every request fault; hung requests drop their connections. */
  clearRequestFaults(): void;
  /** Makes search see the state as it was `ms` ago on the sandbox clock. */
  searchLag(ms: number): void;
  /** Makes the sandbox wait `ms` (real time) before answering each API request, as the network and GitHub take time. */
  latency(ms: number): void;
  /** Calls `listener` with every API request the sandbox receives, GraphQL included; returns a function that stops it. */
  onApiRequest(listener: (request: ApiRequest) => void): () => void;
  deliveries(): readonly DeliveryRecord[];
  /** Issues (not pull requests) of `owner/name`, by number. */
  issues(repo: string): IssueRecord[];
  issue(repo: string, number: number): IssueRecord;
  comments(repo: string, number: number): CommentRecord[];
  pullRequests(repo: string): PullRequestIssue[];
  /** A file's text on a branch (the default branch by default); undefined when absent. */
  file(repo: string, path: string, ref?: string): string | undefined;
  /** The app's changes: requests by an installation other than GET, in order. */
  appWrites(): AnsweredRequest[];
  /**
   * Starts another process of the app (its own Probot, same id and key) behind the app's URL: from
   * then on webhooks go to the processes in turn, as behind a round-robin load balancer. `idle`
   * joins what `settle()` waits for.
   */
  startAnotherApp(app: StageOptions["app"], idle?: () => Promise<void>): Promise<Probot>;
  close(): Promise<void>;
}

export async function startStage(options: StageOptions): Promise<Stage> {
  const appId = options.appId ?? DEFAULT_APP_ID;
  const webhookSecret = options.webhookSecret ?? randomBytes(24).toString("hex");
  const privateKey = stageAppKey();
  const sandbox = new Sandbox(readSnapshot(options), { appId });
  const restoreEnv = setEnv(options.env ?? {});
  const appServer = await startAppServer();
  // Responses keep github.com's URLs, so that what the app writes reads as on GitHub, whatever the port.
  const server = await startSandboxServer(sandbox, {
    port: options.port ?? 0,
    webhook: { url: `${appServer.url}${WEBHOOKS_PATH}`, secret: webhookSecret },
    app: { id: appId, privateKey },
  }).catch(async (error: unknown) => {
    await appServer.close();
    restoreEnv();
    throw error;
  });
  const api = `${server.url}/api/v3`;
  const writes = appWritesOf(sandbox);
  const now = () => sandbox.clock.now();
  const launch = async (app: StageOptions["app"]) => {
    const Octokit = stageAppOctokit();
    const probot = new Probot({ appId, privateKey, secret: webhookSecret, baseUrl: api, Octokit, logLevel: options.logLevel ?? "fatal" });
    const handler = (loaded: Probot, probotOptions: ApplicationFunctionOptions) => app(loaded, { ...probotOptions, now, sandboxUrl: server.url });
    appServer.serve(await createNodeMiddleware(handler, { probot, webhooksPath: WEBHOOKS_PATH }));
    return probot;
  };
  const close = once(async () => {
    await server.close();
    await appServer.close();
    restoreEnv();
  });
  const idles = options.idle ? [options.idle] : [];
  await gitHubGraphqlSchema(); // Large: loaded before the app's discovery asks for it, so that a test times the app only.
  const probot = await launch(options.app).catch(async (error: unknown) => {
    await close();
    throw error;
  });

  return {
    sandbox,
    server,
    probot,
    url: server.url,
    appUrl: appServer.url,
    as: (login) => new StagePersonOctokit({ auth: { token: `user:${login}` }, baseUrl: api }) as unknown as SandboxOctokit,
    clock: stageClock(sandbox),
    settle: () => settle(server, writes, idles),
    ...faultControls(sandbox, server),
    ...recordViews(sandbox),
    appWrites: () => [...writes],
    async startAnotherApp(app, idle) {
      if (idle) idles.push(idle);
      return launch(app);
    },
    close,
  };
}

/** The switches a test turns: webhook and request faults, search lag, latency; and what it watches. */
type FaultControls = Pick<Stage, "faults" | "failRequests" | "requestFaults" | "clearRequestFaults" | "searchLag" | "latency" | "onApiRequest" | "deliveries">;
function faultControls(sandbox: Sandbox, server: SandboxServer): FaultControls {
  return {
    faults: (faults) => server.webhooks?.setFaults(faults),
    failRequests: (...faults) => sandbox.faults.add(faults),
    requestFaults: () => sandbox.faults.list(),
    clearRequestFaults: () => sandbox.faults.clear(),
    searchLag: (ms) => sandbox.setSearchLag(ms),
    latency: (ms) => void (sandbox.latencyMs = ms),
    onApiRequest: (listener) => sandbox.apiRequests.on(listener),
    deliveries: () => server.webhooks?.records ?? [],
  };
}

function stageClock(sandbox: Sandbox): Stage["clock"] {
  return {
    now: () => sandbox.clock.now(),
    set: (instant) => sandbox.clock.set(new Date(instant)),
    advance: (by) => sandbox.clock.advance(typeof by === "number" ? by : isoDuration(by)),
  };
}

function readSnapshot(options: StageOptions) {
  const yaml = options.snapshot ?? (options.snapshotFile ? readFileSync(options.snapshotFile, "utf8") : undefined);
  if (yaml === undefined) throw new Error("The stage needs a snapshot (YAML text) or a snapshotFile");
  return loadSnapshot(yaml, options.snapshotFile);
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next?: () => void) => unknown;

/**
 * The app's server listens first, so that the sandbox knows where to send webhooks. With more
 * than one app process it hands each request to the next one in turn.
 */
async function startAppServer() {
  const middlewares: Middleware[] = [];
  let turn = 0;
  const appServer = createServer((request, response) => {
    const notFound = () => response.writeHead(404).end();
    const middleware = middlewares[turn++ % Math.max(middlewares.length, 1)];
    if (!middleware) return notFound();
    void middleware(request, response, notFound);
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`,
    serve: (middleware: Middleware) => void middlewares.push(middleware),
    async close() {
      appServer.closeAllConnections();
      await new Promise<void>((resolve, reject) => appServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The app's requests other than GET, as the sandbox answered them. */
function appWritesOf(sandbox: Sandbox): AnsweredRequest[] {
  const writes: AnsweredRequest[] = [];
  sandbox.onRequest((request) => {
    if (request.actor.kind === "installation" && request.method !== "GET") writes.push(request);
  });
  return writes;
}

/** Answering a webhook may lead the app to changes that send further webhooks: repeat until calm. */
async function settle(server: SandboxServer, writes: AnsweredRequest[], idles: (() => Promise<void>)[]): Promise<void> {
  for (;;) {
    const seen = `${server.webhooks?.records.length ?? 0}:${writes.length}`;
    await server.settled();
    await Promise.all(idles.map((idle) => idle()));
    await new Promise((resolve) => setImmediate(resolve));
    if (seen === `${server.webhooks?.records.length ?? 0}:${writes.length}`) return;
  }
}

/** What a test reads of the sandbox's repositories. */
function recordViews(sandbox: Sandbox): Pick<Stage, "issues" | "issue" | "comments" | "pullRequests" | "file"> {
  const repoOf = (name: string): RepoRecord => {
    const [owner = "", repo = ""] = name.split("/");
    const found = sandbox.state.repos.get(repoKey(owner, repo));
    if (!found) throw new Error(`The sandbox has no repository ${name}`);
    return found;
  };
  const issueOf = (repo: string, number: number): IssueRecord => {
    const found = repoOf(repo).issues.get(number);
    if (!found) throw new Error(`${repo} has no issue or pull request #${number}`);
    return found;
  };
  return {
    issues: (repo) => [...repoOf(repo).issues.values()].filter((issue) => !issue.pullRequest).sort((a, b) => a.number - b.number),
    issue: issueOf,
    comments: (repo, number) => issueOf(repo, number).comments,
    pullRequests: (repo) =>
      [...repoOf(repo).issues.values()].filter((issue): issue is PullRequestIssue => issue.pullRequest !== undefined).sort((a, b) => a.number - b.number),
    file(repo, path, ref) {
      const record = repoOf(repo);
      const tip = record.refs.get(`refs/heads/${ref ?? record.defaultBranch}`);
      const found = tip ? findPath(record, tip, path) : undefined;
      return found?.object.type === "blob" ? found.object.content.toString("utf8") : undefined;
    },
  };
}

function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= run());
}

function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

function isoDuration(text: string): number {
  const duration = Duration.fromISO(text);
  if (!duration.isValid) throw new Error(`clock.advance: "${text}" is not an ISO 8601 duration such as PT3H`);
  return duration.toMillis();
}

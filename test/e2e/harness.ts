// End-to-end tests: a sandbox GitHub served over HTTP and the app running as a real Probot server
// against it, with a generated app key, real JWTs, installation tokens and signed webhooks.
// The harness knows nothing of the app: tests pass the app function in.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Duration } from "luxon";
import { createNodeMiddleware, Probot, ProbotOctokit, type ApplicationFunctionOptions } from "probot";
import type { GitHub } from "../../src/github.js";
import { findPath } from "../../src/sandbox/git-store.js";
import { Sandbox, type AnsweredRequest } from "../../src/sandbox/sandbox.js";
import { loadSnapshot } from "../../src/sandbox/snapshot.js";
import { startSandboxServer, type SandboxServer } from "../../src/sandbox/server.js";
import { repoKey, type CommentRecord, type IssueRecord, type PullRequestRecord, type RepoRecord } from "../../src/sandbox/state.js";
import type { DeliveryFaults, DeliveryRecord } from "../../src/sandbox/webhooks/webhook-deliverer.js";

export const E2E_APP_ID = 834021;
export const E2E_WEBHOOK_SECRET = "e2e-webhook-secret";
const WEBHOOKS_PATH = "/api/github/webhooks";

/** What the app function gets besides Probot's own options: the sandbox clock, to follow it. */
export interface E2EAppOptions extends ApplicationFunctionOptions {
  /** The sandbox clock's time: the app's "now" in an end-to-end test. */
  now: () => Date;
  /** The sandbox's root URL (REST at `/api/v3`, GraphQL at `/api/graphql`). */
  sandboxUrl: string;
}

export interface E2EOptions {
  /** The snapshot as YAML text; or give `snapshotFile`. */
  snapshot?: string;
  snapshotFile?: string;
  app: (probot: Probot, options: E2EAppOptions) => void | Promise<void>;
  /** Environment variables set while the app runs, restored by `close()`. */
  env?: Record<string, string>;
  /** Resolves once the app has finished the work it queued (debounced refreshes...); `settle()` waits for it too. */
  idle?: () => Promise<void>;
}

export type PullRequest = IssueRecord & { pullRequest: PullRequestRecord };

export interface E2E {
  sandbox: Sandbox;
  server: SandboxServer;
  probot: Probot;
  /** The sandbox's root URL, e.g. for its web page. */
  url: string;
  /** An Octokit acting as a person (`token user:<login>`), over HTTP, with that person's rights in the snapshot. */
  as(login: string): GitHub;
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
  /** Makes search see the state as it was `ms` ago on the sandbox clock. */
  searchLag(ms: number): void;
  deliveries(): readonly DeliveryRecord[];
  /** Issues (not pull requests) of `owner/name`, by number. */
  issues(repo: string): IssueRecord[];
  issue(repo: string, number: number): IssueRecord;
  comments(repo: string, number: number): CommentRecord[];
  pullRequests(repo: string): PullRequest[];
  /** A file's text on a branch (the default branch by default); undefined when absent. */
  file(repo: string, path: string, ref?: string): string | undefined;
  /** The app's changes: requests by an installation other than GET, in order. */
  appWrites(): AnsweredRequest[];
  close(): Promise<void>;
}

/** An app without retries or throttling, so tests see every request at once and fail fast. */
const E2EOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options["throttle"] as object | undefined), enabled: false },
}));

export async function startE2E(options: E2EOptions): Promise<E2E> {
  const yaml = options.snapshot ?? (options.snapshotFile ? readFileSync(options.snapshotFile, "utf8") : undefined);
  if (yaml === undefined) throw new Error("startE2E needs a snapshot (YAML text) or a snapshotFile");
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const restoreEnv = setEnv(options.env ?? {});

  // The app's server listens first, so that the sandbox knows where to send webhooks.
  let middleware: ((request: IncomingMessage, response: ServerResponse, next?: () => void) => unknown) | undefined;
  const appServer = createServer((request, response) => {
    const notFound = () => response.writeHead(404).end();
    if (!middleware) return notFound();
    void middleware(request, response, notFound);
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;

  // Responses keep github.com's URLs, so that what the app writes reads as on GitHub, whatever the port.
  const sandbox = new Sandbox(loadSnapshot(yaml, options.snapshotFile), { appId: E2E_APP_ID });
  const server = await startSandboxServer(sandbox, {
    port: 0,
    webhook: { url: `${appUrl}${WEBHOOKS_PATH}`, secret: E2E_WEBHOOK_SECRET },
    app: { id: E2E_APP_ID, privateKey },
  });
  const api = `${server.url}/api/v3`;

  const writes: AnsweredRequest[] = [];
  sandbox.onRequest((request) => {
    if (request.actor.kind === "installation" && request.method !== "GET") writes.push(request);
  });

  const probot = new Probot({
    appId: E2E_APP_ID,
    privateKey,
    secret: E2E_WEBHOOK_SECRET,
    baseUrl: api,
    Octokit: E2EOctokit,
    logLevel: (process.env["TEST_LOG_LEVEL"] as "fatal" | undefined) ?? "fatal",
  });
  const now = () => sandbox.clock.now();
  middleware = await createNodeMiddleware((app, probotOptions) => options.app(app, { ...probotOptions, now, sandboxUrl: server.url }), {
    probot,
    webhooksPath: WEBHOOKS_PATH,
  });

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

  let closed = false;
  return {
    sandbox,
    server,
    probot,
    url: server.url,
    as: (login) => new E2EOctokit({ auth: { token: `user:${login}` }, baseUrl: api }) as unknown as GitHub,
    clock: {
      now,
      set: (instant) => sandbox.clock.set(new Date(instant)),
      advance: (by) => sandbox.clock.advance(typeof by === "number" ? by : isoDuration(by)),
    },
    async settle() {
      // Answering a webhook may lead the app to changes that send further webhooks: repeat until calm.
      for (;;) {
        const seen = `${server.webhooks?.records.length ?? 0}:${writes.length}`;
        await server.settled();
        await options.idle?.();
        await new Promise((resolve) => setImmediate(resolve));
        if (seen === `${server.webhooks?.records.length ?? 0}:${writes.length}`) return;
      }
    },
    faults: (faults) => server.webhooks?.setFaults(faults),
    searchLag: (ms) => sandbox.setSearchLag(ms),
    deliveries: () => server.webhooks?.records ?? [],
    issues: (repo) => [...repoOf(repo).issues.values()].filter((issue) => !issue.pullRequest).sort((a, b) => a.number - b.number),
    issue: issueOf,
    comments: (repo, number) => issueOf(repo, number).comments,
    pullRequests: (repo) =>
      [...repoOf(repo).issues.values()].filter((issue): issue is PullRequest => issue.pullRequest !== undefined).sort((a, b) => a.number - b.number),
    file(repo, path, ref) {
      const record = repoOf(repo);
      const tip = record.refs.get(`refs/heads/${ref ?? record.defaultBranch}`);
      const found = tip ? findPath(record, tip, path) : undefined;
      return found?.object.type === "blob" ? found.object.content.toString("utf8") : undefined;
    },
    appWrites: () => [...writes],
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      appServer.closeAllConnections();
      await new Promise<void>((resolve, reject) => appServer.close((error) => (error ? reject(error) : resolve())));
      restoreEnv();
    },
  };
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

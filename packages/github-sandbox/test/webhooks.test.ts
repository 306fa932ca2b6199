import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verify } from "@octokit/webhooks-methods";
import { parse } from "yaml";
import { SANDBOX_APP } from "../src/app-auth/app-json.js";
import { storeFileTree, storeObject } from "../src/git-store.js";
import { Sandbox } from "../src/sandbox.js";
import { startSandboxServer, type SandboxServer } from "../src/server.js";
import type { SandboxEvent } from "../src/events.js";
import { repoKey, type RepoRecord } from "../src/state.js";
import { WebhookDeliverer } from "../src/webhooks/webhook-deliverer.js";
import { webhookForEvent } from "../src/webhooks/webhook-for-event.js";
import { appKeyPair, SERVER_SNAPSHOT } from "./server-fixtures.js";
import { expectValidPayload } from "./webhook-schemas.js";

const SECRET = "development-webhook-secret";
const appKey = appKeyPair().privateKey;
const APP_ID = 834021;
interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let received: Received[];

/** Deliveries go out concurrently and may arrive in any order: these are sorted as the changes happened. */
function inChangeOrder(deliveries: Received[]): Received[] {
  const order = (delivery: Received) => server.webhooks?.records.findIndex((record) => record.guid === delivery.headers["x-github-delivery"]) ?? -1;
  return [...deliveries].sort((a, b) => order(a) - order(b));
}
let target: Server;
let sandbox: Sandbox;
let server: SandboxServer;

beforeEach(async () => {
  received = [];
  target = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(request.url === "/broken" ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  sandbox = Sandbox.fromSnapshot(SERVER_SNAPSHOT);
  server = await startSandboxServer(sandbox, {
    port: 0,
    webhook: { url: `http://127.0.0.1:${(target.address() as AddressInfo).port}/`, secret: SECRET },
    app: { id: APP_ID, privateKey: appKey },
  });
});
afterEach(async () => {
  await server.close();
  await new Promise((resolve) => target.close(resolve));
});

function control(path: string, body?: unknown, method = "POST") {
  return fetch(`${server.url}/_sandbox${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}

function emitted(event: SandboxEvent) {
  const webhook = webhookForEvent(sandbox.state, event, sandbox.urls);
  if (!webhook) throw new Error(`no webhook for ${event.name}`);
  return webhook;
}

function securityWg(): RepoRecord {
  const repo = sandbox.state.repos.get(repoKey("nodejs", "security-wg"));
  if (!repo) throw new Error("fixture");
  return repo;
}

test("issues webhooks built from the state match GitHub's schemas", () => {
  const repo = securityWg();
  const issue = repo.issues.get(1255)!;
  const label = repo.labels.get("security-wg-agenda")!;
  const base = { repo, actor: "RafaelGSS", at: "2024-03-26T09:00:00Z", issue };
  const closed = { ...issue, state: "closed" as const, closedAt: "2024-03-26T09:00:00Z", stateReason: "completed" as const };
  const cases: SandboxEvent[] = [
    { ...base, name: "issues", action: "opened" },
    { ...base, name: "issues", action: "edited", changes: { title: { from: "Security Initiatives" } } },
    { ...base, name: "issues", action: "labeled", label },
    { ...base, name: "issues", action: "unlabeled", label },
    { ...base, name: "issues", action: "closed", issue: closed },
    { ...base, name: "issues", action: "reopened" },
  ];
  for (const event of cases) {
    const { event: name, payload } = emitted(event);
    expect(name).toBe("issues");
    expectValidPayload(name, payload);
    expect(payload).toMatchObject({ installation: { id: 4001 }, organization: { login: "nodejs" }, sender: { login: "RafaelGSS" } });
  }
});

test("issue_comment webhooks match GitHub's schemas", () => {
  const repo = securityWg();
  const issue = repo.issues.get(1260)!;
  const comment = {
    id: 90001,
    nodeId: "IC_kwDOtest",
    body: "Please add nodejs/security-wg#1255 to the agenda",
    author: "UlisesGascon",
    createdAt: "2024-03-26T09:00:00Z",
    updatedAt: "2024-03-26T09:05:00Z",
    reactions: [],
  };
  issue.comments.push(comment);
  const base = { repo, actor: "UlisesGascon", at: "2024-03-26T09:05:00Z", issue, comment };
  for (const event of [
    { ...base, name: "issue_comment" as const, action: "created" as const },
    { ...base, name: "issue_comment" as const, action: "edited" as const, changes: { body: { from: "Please add it" } } },
    { ...base, name: "issue_comment" as const, action: "deleted" as const },
  ]) {
    const webhook = emitted(event);
    expectValidPayload(webhook.event, webhook.payload);
  }
});

test("a push webhook lists the pushed commit and its changed files", () => {
  const repo = securityWg();
  const before = repo.refs.get("refs/heads/main")!;
  const tree = storeFileTree(repo, { "README.md": "# Security WG\n", "meetings/2024-03-28.md": "# Minutes\n" });
  const signature = { name: "agenda-drafter[bot]", email: "bot@users.noreply.github.com", date: "2024-03-28T17:00:00Z" };
  const after = storeObject(repo, { type: "commit", tree, parents: [before], message: "Minutes of 2024-03-28", author: signature, committer: signature });
  const { event, payload } = emitted({ name: "push", repo, actor: "agenda-drafter[bot]", at: signature.date, ref: "refs/heads/main", before, after });
  expectValidPayload(event, payload);
  expect(payload).toMatchObject({ created: false, deleted: false, forced: false, head_commit: { id: after, added: ["meetings/2024-03-28.md"] } });
  expect(payload.commits).toHaveLength(1);
});

test("installation changes through the control endpoints send signed installation webhooks", async () => {
  expect((await control("/installations/4002", undefined, "DELETE")).status).toBe(200);
  const created = await control("/installations", { account: "openjs-foundation", repositories: [] });
  const { id } = (await created.json()) as { id: number };
  await control(`/installations/${id}/repositories`, { add: ["cross-project-council"] });
  await control(`/installations/${id}/repositories`, { remove: ["cross-project-council"] });
  await server.settled();

  expect(inChangeOrder(received).map((delivery) => `${delivery.headers["x-github-event"]}.${JSON.parse(delivery.body).action}`)).toEqual([
    "installation.deleted",
    "installation.created",
    "installation_repositories.added",
    "installation_repositories.removed",
  ]);
  for (const delivery of received) {
    expect(await verify(SECRET, delivery.body, String(delivery.headers["x-hub-signature-256"]))).toBe(true);
    expect(delivery.headers).toMatchObject({
      "content-type": "application/json",
      "x-github-hook-id": "1",
      "x-github-hook-installation-target-type": "integration",
      "x-github-hook-installation-target-id": String(APP_ID),
    });
    expect(delivery.headers["user-agent"]).toMatch(/^GitHub-Hookshot\//);
    expect(delivery.headers["x-github-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expectValidPayload(String(delivery.headers["x-github-event"]), JSON.parse(delivery.body));
  }
  const deliveries = (await (await control("/deliveries", undefined, "GET")).json()) as { state: string }[];
  expect(deliveries.map((delivery) => delivery.state)).toEqual(["answered", "answered", "answered", "answered"]);
});

test("faults: twice with the same delivery id, held and released newest first, late, lost", async () => {
  const events = () => received.map((delivery) => JSON.parse(delivery.body).action as string);
  await control("/webhooks/options", { duplicate: true });
  await control("/installations/4002", undefined, "DELETE");
  await server.settled();
  expect(events()).toEqual(["deleted", "deleted"]);
  expect(received[0]?.headers["x-github-delivery"]).toBe(received[1]?.headers["x-github-delivery"]);

  received = [];
  await control("/webhooks/options", { duplicate: false, reverseBatch: 2 });
  const { id } = (await (await control("/installations", { account: "openjs-foundation", repositories: [] })).json()) as { id: number };
  expect(received).toEqual([]);
  await control(`/installations/${id}/repositories`, { add: ["cross-project-council"] });
  await server.settled();
  expect(events()).toEqual(["added", "created"]);

  received = [];
  await control("/webhooks/options", { reverseBatch: 0, delayMs: 200 });
  const started = Date.now();
  await control(`/installations/${id}/repositories`, { remove: ["cross-project-council"] });
  expect(received).toEqual([]);
  await control("/webhooks/settle");
  expect(events()).toEqual(["removed"]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(190);

  received = [];
  await control("/webhooks/options", { delayMs: 0, lose: 1 });
  await control(`/installations/${id}/repositories`, { add: ["cross-project-council"] });
  await control(`/installations/${id}/repositories`, { remove: ["cross-project-council"] });
  await server.settled();
  expect(events()).toEqual(["removed"]);
  expect(server.webhooks?.records.at(-2)).toMatchObject({ action: "added", state: "failed", attempts: [{ status: null, error: "timed out" }] });
});

test("a failed delivery is recorded, not thrown", async () => {
  const broken = await startSandboxServer(sandbox, {
    port: 0,
    webhook: { url: "http://127.0.0.1:9/unreachable", secret: SECRET },
    app: { id: APP_ID, privateKey: appKey },
  });
  try {
    await fetch(`${broken.url}/_sandbox/installations/4002`, { method: "DELETE" });
    await broken.settled();
    expect(broken.webhooks?.records.map((record) => [record.state, record.attempts.length])).toEqual([["failed", 1]]);
    expect(broken.webhooks?.records[0]?.attempts[0]?.error).toBeTruthy();
  } finally {
    await broken.close();
  }
});

test("a change made through the REST API sends its webhook", async () => {
  const response = await fetch(`${server.url}/api/v3/repos/nodejs/security-wg/issues/1248/labels`, {
    method: "POST",
    headers: { authorization: "token user:RafaelGSS", "content-type": "application/json" },
    body: JSON.stringify({ labels: ["security-wg-agenda"] }),
  });
  expect(response.status).toBe(200);
  await server.settled();
  const labeled = received.map((delivery) => JSON.parse(delivery.body)).find((payload) => payload.action === "labeled");
  expect(labeled).toMatchObject({ label: { name: "security-wg-agenda" }, sender: { login: "RafaelGSS" }, installation: { id: 4001 } });
  expectValidPayload("issues", labeled);
});

test("pull requests, refs, pushes, visibility, transfers and deletions send webhooks GitHub's schemas accept", async () => {
  const app = sandbox.octokit("installation:4001");
  const repo = { owner: "nodejs", repo: "security-wg" };
  const branch = "agenda-drafter/minutes-2024-03-28";
  const { data: main } = await app.rest.git.getRef({ ...repo, ref: "heads/main" });
  await app.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main.object.sha });
  await app.rest.repos.createOrUpdateFileContents({ ...repo, branch, path: "meetings/2024-03-28.md", message: "Minutes", content: Buffer.from("# Minutes\n").toString("base64") });
  const { data: pull } = await app.rest.pulls.create({ ...repo, title: "Minutes of 2024-03-28", head: branch, base: "main" });
  await app.rest.pulls.update({ ...repo, pull_number: pull.number, body: "Closes #1260" });
  await app.rest.issues.addLabels({ ...repo, issue_number: pull.number, labels: ["security-wg-agenda"] });
  await app.rest.issues.removeLabel({ ...repo, issue_number: pull.number, name: "security-wg-agenda" });
  const { data: file } = await app.rest.repos.getContent({ ...repo, path: "meetings/2024-03-28.md", ref: branch });
  await app.rest.repos.createOrUpdateFileContents({ ...repo, branch, path: "meetings/2024-03-28.md", message: "Attendees", sha: (file as { sha: string }).sha, content: Buffer.from("# Minutes\n\nPresent\n").toString("base64") });
  await app.rest.pulls.update({ ...repo, pull_number: pull.number, state: "closed" });
  await app.rest.pulls.update({ ...repo, pull_number: pull.number, state: "open" });
  await sandbox.octokit("user:mhdawson").rest.pulls.merge({ ...repo, pull_number: pull.number });
  await app.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
  await sandbox.octokit("user:mhdawson").rest.repos.update({ ...repo, private: true });
  await sandbox.octokit("user:mhdawson").rest.repos.update({ ...repo, visibility: "public" });
  expect((await control("/repos/nodejs/security-wg/issues/1248/transfer", { to: "nodejs/security-private" })).status).toBe(200);
  expect((await control("/repos/nodejs/security-wg/issues/1236", {}, "DELETE")).status).toBe(200);
  await server.settled();

  const sent = inChangeOrder(received).map((delivery) => ({ event: String(delivery.headers["x-github-event"]), payload: JSON.parse(delivery.body) as Record<string, unknown> }));
  expect(sent.map(({ event, payload }) => (payload.action ? `${event}.${payload.action}` : event))).toEqual([
    "push",
    "push",
    "pull_request.opened",
    "pull_request.edited",
    "pull_request.labeled",
    "pull_request.unlabeled",
    "push",
    "pull_request.synchronize",
    "pull_request.closed",
    "pull_request.reopened",
    "push",
    "pull_request.closed",
    "push",
    "repository.privatized",
    "repository.publicized",
    "issues.transferred",
    "issues.opened",
    "issues.deleted",
  ]);
  for (const { event, payload } of sent) expectValidPayload(event, payload);
  const merged = sent.filter(({ event }) => event === "pull_request").at(-1)?.payload;
  expect(merged).toMatchObject({ action: "closed", pull_request: { merged: true, merged_by: { login: "mhdawson" } } });
  const transferred = sent.find(({ payload }) => payload.action === "transferred")?.payload;
  expect(transferred).toMatchObject({ issue: { number: 1248 }, changes: { new_repository: { full_name: "nodejs/security-private" }, new_issue: { number: 13 } } });
  const pushes = sent.filter(({ event }) => event === "push").map(({ payload }) => payload);
  expect(pushes[0]).toMatchObject({ created: true, commits: [], head_commit: { id: main.object.sha } });
  expect(pushes[1]).toMatchObject({ ref: `refs/heads/${branch}`, created: false, head_commit: { message: "Minutes", added: ["meetings/2024-03-28.md"] } });
});

test("the sandbox's app asks for the permissions and events app.yml asks for", () => {
  const manifest = parse(readFileSync(new URL("../../../app.yml", import.meta.url), "utf8")) as { default_permissions: object; default_events: string[] };
  expect(SANDBOX_APP.permissions).toEqual(manifest.default_permissions);
  expect([...SANDBOX_APP.events].sort()).toEqual([...manifest.default_events].sort());
});

test("an installation gets the webhooks of the events its app subscribes to only", () => {
  const repo = securityWg();
  const issue = repo.issues.get(1255)!;
  const org = sandbox.state.orgs.get("nodejs")!;
  const team = { id: 7001, nodeId: "T_kwDOtest", slug: "tsc", name: "TSC", members: new Set(["rafaelgss"]), repos: new Map() };
  const base = { repo, actor: "RafaelGSS", at: "2024-03-26T09:00:00Z" };
  const changes: SandboxEvent[] = [
    { ...base, name: "issues", action: "opened", issue },
    { ...base, name: "push", ref: "refs/heads/main", before: repo.refs.get("refs/heads/main")!, after: repo.refs.get("refs/heads/main")! },
    { ...base, name: "create", ref: "minutes", refType: "branch" },
    { name: "membership", action: "added", org, team, member: "RafaelGSS", actor: "mhdawson", at: base.at },
  ];
  const sent = () => changes.map((event) => webhookForEvent(sandbox.state, event, sandbox.urls)?.event);
  // app.yml subscribes to push, which tells of a new branch too, and not to create.
  expect(sent()).toEqual(["issues", "push", undefined, "membership"]);
  sandbox.state.installations[0]!.events = ["issues"];
  expect(sent()).toEqual(["issues", undefined, undefined, undefined]);
  delete sandbox.state.installations[0]!.events;
});

test("an installation whose owner has not granted an event's permission gets none of its webhooks", () => {
  const repo = securityWg();
  const org = sandbox.state.orgs.get("nodejs")!;
  const team = { id: 7001, nodeId: "T_kwDOtest", slug: "tsc", name: "TSC", members: new Set(["rafaelgss"]), repos: new Map() };
  const base = { repo, actor: "RafaelGSS", at: "2024-03-26T09:00:00Z" };
  const changes: SandboxEvent[] = [
    { ...base, name: "issues", action: "opened", issue: repo.issues.get(1255)! },
    { ...base, name: "push", ref: "refs/heads/main", before: repo.refs.get("refs/heads/main")!, after: repo.refs.get("refs/heads/main")! },
    { name: "membership", action: "added", org, team, member: "RafaelGSS", actor: "mhdawson", at: base.at },
  ];
  const sent = () => changes.map((event) => webhookForEvent(sandbox.state, event, sandbox.urls)?.event);
  const installation = sandbox.state.installations[0]!;
  installation.permissions = { metadata: "read", issues: "write", contents: "write" };
  try {
    expect(sent()).toEqual(["issues", "push", undefined]);
    installation.permissions = { metadata: "read", members: "read" };
    expect(sent()).toEqual([undefined, undefined, "membership"]);
  } finally {
    delete installation.permissions;
  }
});

test("deliveries go out concurrently, as GitHub's do, at most eight at a time, started in order", async () => {
  let inFlight = 0;
  let most = 0;
  const started: string[] = [];
  const deliverer = new WebhookDeliverer({
    target: { url: "http://127.0.0.1:9/hooks", secret: SECRET },
    appId: APP_ID,
    fetch: async (_url, init) => {
      started.push(JSON.parse(String(init?.body)).n as string);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight -= 1;
      return new Response(null, { status: 200 });
    },
  });
  const names = Array.from({ length: 12 }, (_, index) => `n${index}`);
  for (const n of names) deliverer.enqueue("ping", { n });
  await deliverer.settled();
  expect(most).toBe(8);
  expect(started).toEqual(names);
  expect(deliverer.records.map((record) => record.state)).toEqual(names.map(() => "answered"));
});

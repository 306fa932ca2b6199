import type { Sandbox } from "../sandbox.js";
import { workflowInstallation } from "../workflow-installations.js";
import type { SandboxApp } from "../app-auth/verify-app-jwt.js";
import { installationWebhook } from "../webhooks/installation-payload.js";
import type { DeliveryFaults, WebhookDeliverer } from "../webhooks/webhook-deliverer.js";
import { changeClock, clockJson } from "./clock-control.js";
import { repoKey } from "../state.js";
import type { InstallationTokens } from "../app-auth/installation-tokens.js";
import { answerFaultControl } from "./fault-control.js";
import { deleteIssue, transferIssue } from "./issue-control.js";
import { answerDiscussionControl } from "./discussion-control.js";
import { answerProjectControl } from "./project-control.js";
import { changeInstalledRepos, installApp, uninstallApp, type InstallationChange } from "./installation-control.js";

export interface ControlOptions {
  app?: SandboxApp;
  webhooks?: WebhookDeliverer;
  /** Hands out the workflow tokens. */
  tokens?: InstallationTokens;
}

/**
 * The sandbox's own endpoints (JSON in, JSON out), under `/_sandbox`:
 *
 * - `GET /clock`, `POST /clock` `{ now }` or `{ advance }`: the sandbox clock.
 * - `GET /deliveries`: every webhook delivery and its attempts.
 * - `POST /webhooks/options` `{ duplicate?, reverseBatch?, delayMs?, lose? }`: delivery faults for reliability tests.
 * - `POST /webhooks/settle`: answers once every delivery so far has been answered.
 * - `POST /faults`, `GET /faults`, `DELETE /faults`: request faults (see fault-control.ts).
 * - `POST /installations` `{ account, repositories?: "all" | names, sender? }`, `DELETE /installations/{id}`,
 *   `POST /installations/{id}/repositories` `{ add?, remove?, sender? }`: the app's installations, with their webhooks.
 * - `POST /repos/{owner}/{repo}/issues/{number}/transfer` `{ to: "owner/name", sender? }` and
 *   `DELETE /repos/{owner}/{repo}/issues/{number}` `{ sender? }`: what a person does on an issue's page.
 * - `POST /repos/{owner}/{repo}/discussions/enable`, `POST /repos/{owner}/{repo}/discussions`, `PATCH`, `DELETE` and
 *   `POST .../transfer` of `/repos/{owner}/{repo}/discussions/{number}`: discussions (discussion-control.ts).
 * - `POST /projects/{owner}/{number}/items`, `PATCH` and `DELETE /projects/{owner}/{number}/items/{id}`: a project's items (project-control.ts).
 * - `POST /workflow-tokens` `{ repository: "owner/name" }`: a workflow run's `GITHUB_TOKEN` in that repository.
 */
export async function answerControlRequest(request: Request, path: string, sandbox: Sandbox, options: ControlOptions): Promise<Response> {
  const body = await readBody(request);
  if (body instanceof Response) return body;
  const issuePath = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)(\/transfer)?$/.exec(path);
  if (issuePath) return answerIssueControl(request.method, issuePath, sandbox, body);
  const discussionAnswer = answerDiscussionControl(request.method, path, sandbox, body, (account) => senderOf(sandbox, {}, account));
  if (discussionAnswer) return discussionAnswer;
  const projectAnswer = answerProjectControl(request.method, path, sandbox, body);
  if (projectAnswer) return projectAnswer;
  const faultAnswer = path === "/faults" ? answerFaultControl(request.method, sandbox, body) : undefined;
  if (faultAnswer) return faultAnswer;
  const route = `${request.method} ${path.replace(/\/\d+(?=\/|$)/g, "/{id}")}`;
  const id = Number(/\/(\d+)(?=\/|$)/.exec(path)?.[1]);

  switch (route) {
    case "GET /clock":
      return Response.json(clockJson(sandbox.clock));
    case "POST /clock": {
      const problem = changeClock(sandbox.clock, body);
      return problem ? badRequest(problem) : Response.json(clockJson(sandbox.clock));
    }
    case "GET /deliveries":
      return Response.json(options.webhooks?.records ?? []);
    case "POST /webhooks/options": {
      if (!options.webhooks) return badRequest("the sandbox was started without a webhook URL");
      const problem = faultsProblem(body);
      return problem ? badRequest(problem) : Response.json(options.webhooks.setFaults(body as Partial<DeliveryFaults>));
    }
    case "POST /webhooks/settle":
      await options.webhooks?.settled();
      return Response.json({ deliveries: options.webhooks?.records.length ?? 0 });
    case "POST /installations": {
      const { account, repositories = "all" } = body as { account?: unknown; repositories?: unknown };
      if (typeof account !== "string") return badRequest("account: the organization to install the app on is required");
      if (repositories !== "all" && !isStringList(repositories)) return badRequest('repositories: "all" or a list of repository names');
      return answerInstallationChanges(installApp(sandbox.state, account, repositories), sandbox, options, body);
    }
    case "DELETE /installations/{id}":
      return answerInstallationChanges(uninstallApp(sandbox.state, id), sandbox, options, body);
    case "POST /installations/{id}/repositories": {
      const { add = [], remove = [] } = body as { add?: unknown; remove?: unknown };
      if (!isStringList(add) || !isStringList(remove)) return badRequest("add, remove: lists of repository names");
      return answerInstallationChanges(changeInstalledRepos(sandbox.state, id, { add, remove }), sandbox, options, body);
    }
    case "POST /workflow-tokens": {
      const [owner, name, ...rest] = typeof body["repository"] === "string" ? body["repository"].split("/") : [];
      if (!owner || !name || rest.length > 0 || !sandbox.state.repos.has(repoKey(owner, name))) return badRequest('repository: a repository of the sandbox, as "owner/name"');
      if (!options.tokens) return badRequest("the sandbox hands out tokens only when served over HTTP");
      const issued = options.tokens.issue(workflowInstallation(sandbox.state, owner, name).id);
      return Response.json({ token: issued.token, expires_at: issued.expiresAt.toISOString() });
    }
    default:
      return Response.json({ message: `No sandbox control endpoint ${request.method} /_sandbox${path}` }, { status: 404 });
  }
}

function answerIssueControl(method: string, [, owner = "", name = "", number, transfer]: RegExpExecArray, sandbox: Sandbox, body: Record<string, unknown>): Response {
  const repo = sandbox.state.repos.get(repoKey(owner, name));
  const issue = repo?.issues.get(Number(number));
  if (!repo || !issue) return Response.json({ message: `${owner}/${name} has no issue #${number}` }, { status: 404 });
  const sender = senderOf(sandbox, body, repo.owner);
  if (method === "POST" && transfer) {
    if (typeof body["to"] !== "string") return badRequest('to: the repository to move the issue to, as "owner/name"');
    const moved = transferIssue(sandbox, repo, issue, body["to"], sender);
    return typeof moved === "string" ? badRequest(moved) : Response.json({ repository: body["to"], number: moved.number });
  }
  if (method === "DELETE" && !transfer) {
    const problem = deleteIssue(sandbox, repo, issue, sender);
    return problem ? badRequest(problem) : Response.json({});
  }
  return Response.json({ message: `No sandbox control endpoint ${method} for an issue` }, { status: 404 });
}

function answerInstallationChanges(
  outcome: InstallationChange | InstallationChange[] | string,
  sandbox: Sandbox,
  options: ControlOptions,
  body: Record<string, unknown>,
): Response {
  if (typeof outcome === "string") return badRequest(outcome);
  const changes = Array.isArray(outcome) ? outcome : [outcome];
  for (const change of changes) {
    const actor = senderOf(sandbox, body, change.installation.account);
    if (options.webhooks && options.app) {
      const webhook = installationWebhook(sandbox.state, change, options.app.id, actor, sandbox.urls);
      options.webhooks.enqueue(webhook.event, webhook.payload);
    }
  }
  const installation = changes[0]?.installation;
  return Response.json(
    installation
      ? { id: installation.id, account: installation.account, repositories: installation.repositories === "all" ? "all" : [...installation.repositories] }
      : {},
  );
}

/** Who clicked: the `sender` of the request, or the first owner of the account the change is on. */
function senderOf(sandbox: Sandbox, body: Record<string, unknown>, account: string): string {
  if (typeof body["sender"] === "string") return body["sender"];
  return [...(sandbox.state.orgs.get(account.toLowerCase())?.owners ?? [])][0] ?? account;
}

function faultsProblem(body: unknown): string | undefined {
  const faults = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(faults)) {
    if (key === "duplicate" && typeof value !== "boolean") return "duplicate: true or false";
    else if ((key === "reverseBatch" || key === "delayMs" || key === "lose") && !(typeof value === "number" && Number.isInteger(value) && value >= 0)) {
      return `${key}: a whole number, 0 or more`;
    } else if (!["duplicate", "reverseBatch", "delayMs", "lose"].includes(key)) return `${key}: unknown option (duplicate, reverseBatch, delayMs, lose)`;
  }
  return undefined;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
  const text = request.method === "GET" ? "" : await request.text();
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return badRequest("the body must be a JSON object");
}

export function badRequest(message: string): Response {
  return Response.json({ message }, { status: 400 });
}

import { userToken, userTokenText, type Actor } from "../access.js";
import { requestedApiVersion } from "../api-versions.js";
import { answerAppRequest } from "../app-auth/app-routes.js";
import { githubError } from "../app-auth/github-error.js";
import { InstallationTokens } from "../app-auth/installation-tokens.js";
import type { SandboxApp } from "../app-auth/verify-app-jwt.js";
import { answerWithFault, rateLimitedCaller } from "../faults/fault-response.js";
import { GRAPHQL_ROUTE, type RequestFault } from "../faults/request-fault.js";
import { answerGraphql } from "../graphql/answer-graphql.js";
import type { Sandbox } from "../sandbox.js";
import type { ApiRequest } from "../api-requests.js";
import { answerWebPage } from "../web/web-pages.js";
import type { WebhookDeliverer } from "../webhooks/webhook-deliverer.js";
import { answerControlRequest } from "./control-routes.js";
import type { FetchHandler } from "./serve-fetch-handler.js";

export interface SandboxHandlerOptions {
  /** Without an app, the app endpoints answer 404 and only user tokens (`user:<login>`, `ghu_<login>`, `github_pat_<login>`) work. */
  app?: SandboxApp;
  webhooks?: WebhookDeliverer;
}

/**
 * The sandbox as GitHub Enterprise Server lays it out: REST under `/api/v3`, GraphQL at
 * `/api/graphql`, web pages elsewhere, and the sandbox's own control endpoints under `/_sandbox/`.
 * Every answer carries the sandbox clock in `Date`, as GitHub's carry its own time (Octokit's app
 * authentication corrects its JWTs by it).
 */
export function createSandboxHandler(sandbox: Sandbox, options: SandboxHandlerOptions = {}): FetchHandler {
  const tokens = new InstallationTokens();
  const answer = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path.startsWith("/_sandbox/")) return answerControlRequest(request, path.slice("/_sandbox".length), sandbox, { ...options, tokens });
    if (path === "/api/graphql") {
      if (request.method !== "POST") return githubError(404, "Not Found");
      const actor = resolveActor(request.headers.get("authorization"));
      if (actor === undefined) {
        return Response.json(
          { message: "This endpoint requires you to be authenticated.", documentation_url: "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql" },
          { status: 401 },
        );
      }
      if (typeof actor === "string") return githubError(401, actor);
      return answerGraphqlRequest(request, sandbox, actor);
    }
    if (path === "/api/v3" || path.startsWith("/api/v3/")) {
      const restPath = path.slice("/api/v3".length) || "/";
      const underFault = (operation: string, answer: () => Promise<Response>) => answerAppUnderFault(request, sandbox, operation, answer);
      const apiVersion = requestedApiVersion(request.headers.get("x-github-api-version"), sandbox.enterpriseVersion);
      if (typeof apiVersion === "object") return githubError(400, apiVersion.refusal);
      const appAnswer =
        options.app &&
        answerAppRequest(request, restPath, { state: sandbox.state, now: () => sandbox.clock.now(), app: options.app, tokens, urls: sandbox.urls, underFault, apiVersion });
      if (appAnswer) return appAnswer;
      const actor = resolveActor(request.headers.get("authorization"));
      if (typeof actor === "string") return githubError(401, actor);
      const headers = new Headers(request.headers);
      if (actor) headers.set("authorization", `token ${engineToken(actor)}`);
      return sandbox.handle(new Request(request, { headers }));
    }
    return answerWebPage(request, sandbox);
  };

  /** Who a request's token is: undefined without one, a message for a token GitHub would refuse. */
  function resolveActor(authorization: string | null): Actor | string | undefined {
    if (!authorization) return undefined;
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization)?.[1] ?? "";
    const user = userToken(token);
    if (user) return { kind: "user", ...user };
    const installations = [...sandbox.state.installations, ...(sandbox.state.workflowInstallations ?? [])];
    const installation = token.startsWith("ghs_") ? tokens.installationOf(token, installations) : undefined;
    return installation ? { kind: "installation", installations: [installation] } : "Bad credentials";
  }

  return async (request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/graphql" || path === "/api/v3" || path.startsWith("/api/v3/")) {
      sandbox.apiRequests.note(apiRequest(request, path));
      if (sandbox.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, sandbox.latencyMs));
    }
    const response = await answer(request);
    const headers = new Headers(response.headers);
    headers.set("date", sandbox.clock.now().toUTCString());
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** A GraphQL request of an authenticated actor, under the request fault it meets if any. */
async function answerGraphqlRequest(request: Request, sandbox: Sandbox, actor: Actor): Promise<Response> {
  const answer = async () =>
    answerGraphql(await request.text(), {
      state: sandbox.state,
      actor,
      urls: sandbox.urls,
      now: sandbox.clock.now(),
      searchState: () => sandbox.searchState(),
      viewerLogin: sandbox.actorLogin(actor),
      emit: (event) => sandbox.emitChange(event),
    });
  // GraphQL has no response description to check the injected answer against.
  return answerUnderFault(request, sandbox, sandbox.faults.take(GRAPHQL_ROUTE, actor.kind), answer, rateLimitedCaller(actor));
}

/** A request of the app itself (its JWT: the app's installation tokens, its installations) under the request fault it meets if any. */
function answerAppUnderFault(request: Request, sandbox: Sandbox, operation: string, answer: () => Promise<Response>): Promise<Response> {
  // 403 and 422 are answers these operations document; 429 and 5xx come from GitHub's front end.
  return answerUnderFault(request, sandbox, sandbox.faults.take(operation, "installation"), answer, `integration ID ${sandbox.appId}`);
}

/** The answer, or the fault's in its place, sent as JSON without a check against a response description. */
function answerUnderFault(request: Request, sandbox: Sandbox, fault: RequestFault | undefined, answer: () => Promise<Response>, caller: string): Promise<Response> {
  if (!fault) return answer();
  return answerWithFault(fault, {
    answer,
    respond: ({ status, body, headers }) => Response.json(body, { status, headers: { ...headers } }),
    signal: request.signal,
    release: sandbox.faults.release,
    caller,
  });
}

/** The engine's own token for an actor the server has authenticated. */
function engineToken(actor: Actor): string {
  return actor.kind === "user" ? userTokenText(actor.login, actor.token) : `installation:${actor.installations[0]?.id}`;
}

function apiRequest(request: Request, path: string): ApiRequest {
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const caller = token.startsWith("ghs_") ? "installation" : token.startsWith("user:") ? "user" : token.startsWith("ey") ? "app" : "unknown";
  const url = new URL(request.url);
  const apiVersion = request.headers.get("x-github-api-version") ?? undefined;
  return { method: request.method.toUpperCase(), path: path === "/api/graphql" ? "/graphql" : `${path.slice("/api/v3".length)}${url.search}`, caller, ...(apiVersion && { apiVersion }) };
}

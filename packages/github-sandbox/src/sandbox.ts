import { ProbotOctokit } from "probot";
import { userToken, type Actor } from "./access.js";
import { requestedApiVersion, type RestApiVersion } from "./api-versions.js";
import { SandboxClock } from "./clock.js";
import { createState, ensureUser } from "./create-state.js";
import type { SandboxEvent, SandboxEventListener } from "./events.js";
import { answerWithFault, exemptFromResponseCheck, rateLimitedCaller } from "./faults/fault-response.js";
import { RequestFaults } from "./faults/request-faults.js";
import { checkRequest, findOperation, sandboxResponseProblem } from "./openapi.js";
import { RateLimits } from "./rate-limit.js";
import { matchRoute, type RouteMatch } from "./route-match.js";
import { GitHubError, type RouteResponse } from "./route.js";
import type { SandboxOctokit } from "./sandbox-octokit.js";
import { pathByRepositoryName } from "./routes/find-repo.js";
import { loadSnapshot, type Snapshot } from "./snapshot.js";
import type { SandboxState } from "./state.js";
import { ApiRequestListeners } from "./api-requests.js";
import { inApiVersion } from "./serialize/api-version.js";
import { installationById } from "./workflow-installations.js";
import { answerInProcessGraphql, isGraphqlRequest } from "./graphql/in-process-graphql.js";
import { GITHUB_DOT_COM, type SandboxUrls } from "./urls.js";

/** A REST request the sandbox answered from one of its routes. */
export interface AnsweredRequest {
  method: string;
  /** The path without `/api/v3`, with its query: `/repos/nodejs/node/issues?state=all`. */
  path: string;
  actor: Actor;
  status: number;
  /** The `X-GitHub-Api-Version` the request asked for, if any. */
  apiVersion: string | undefined;
}

export interface SandboxOptions {
  /** Where responses say GitHub is; github.com by default. */
  urls?: SandboxUrls;
  /** The app's slug: an installation acts as `<slug>[bot]`. */
  appSlug?: string;
  /** The app's id; 1 by default. A sandbox server started with an app uses that app's. */
  appId?: number;
  /**
   * Answer as GitHub Enterprise Server of this version (`3.16.2`): every answer says it in
   * `X-GitHub-Enterprise-Version`, and issue search is advanced search only from 3.17 and when
   * asked for (`advanced_search=true`). By default the sandbox answers as github.com.
   */
  enterpriseVersion?: string;
}

/** The base URL of the Octokit clients the sandbox hands out; requests never leave the process. */
const SANDBOX_BASE_URL = "http://sandbox.invalid/api/v3";
const GENERIC_DOCUMENTATION = "https://docs.github.com/rest";
/**
 * An in-memory GitHub loaded from a snapshot. Requests go through `handle` (or `fetch`, or an
 * Octokit from `octokit()`); each is checked against GitHub's OpenAPI description, and so is each
 * response, which throws when the sandbox itself breaks GitHub's contract.
 *
 * Tokens: `installation` (the default) acts as the app on every installation, `installation:<id>`
 * as one, `user:<login>` as that user with a classic personal access token, `ghu_<login>` with a
 * GitHub App user token, `github_pat_<login>` with a fine-grained one.
 */
export class Sandbox {
  readonly state: SandboxState;
  readonly clock: SandboxClock;
  readonly urls: SandboxUrls;
  readonly appSlug: string;
  appId: number;
  readonly enterpriseVersion: string | undefined;
  /** Request faults: failures on purpose, for tests of how a client copes (see faults/request-fault.ts). */
  readonly faults: RequestFaults;
  readonly #listeners = new Set<SandboxEventListener>();
  readonly #requestListeners = new Set<(request: AnsweredRequest) => void>();
  readonly #rateLimits = new RateLimits();
  readonly apiRequests = new ApiRequestListeners(); // every API request the server receives
  #requestCount = 0;
  #searchLagMs = 0;
  /** How long the server waits before it answers each API request: the network and GitHub's own time. */
  latencyMs = 0;
  /** Copies of the state after each change, kept while a search lag is set. */
  #history: { at: number; state: SandboxState }[] = [];

  /** `file` names the snapshot in error messages. */
  static fromSnapshot(yamlText: string, file?: string, options: SandboxOptions = {}): Sandbox {
    return new Sandbox(loadSnapshot(yamlText, file), options);
  }

  constructor(snapshot: Snapshot, options: SandboxOptions = {}) {
    this.state = createState(snapshot);
    this.clock = new SandboxClock(snapshot.now ? new Date(snapshot.now) : new Date());
    this.urls = options.urls ?? GITHUB_DOT_COM;
    this.appSlug = options.appSlug ?? "agenda-drafter";
    this.appId = options.appId ?? 1;
    this.enterpriseVersion = options.enterpriseVersion ?? snapshot.enterprise_version;
    this.faults = new RequestFaults(snapshot.faults);
  }

  /** A `fetch` that answers from the sandbox, for Octokit's `request.fetch`. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await (isGraphqlRequest(request) ? answerInProcessGraphql(this, request) : this.handle(request));
    // A fetched response knows its URL (Octokit's paginate reads it); a constructed one does not.
    Object.defineProperty(response, "url", { value: request.url });
    return response;
  };

  /** An Octokit client acting with `token` (see the class comment). */
  octokit(token = "installation"): SandboxOctokit {
    return new ProbotOctokit({
      auth: { token },
      baseUrl: SANDBOX_BASE_URL,
      request: { fetch: this.fetch },
      retry: { enabled: false },
      throttle: { enabled: false },
    });
  }

  /** Makes search see the state as it was `ms` ago on the sandbox clock, as GitHub's index lags. */
  setSearchLag(ms: number): void {
    this.#searchLagMs = ms;
    this.#history = ms > 0 ? [{ at: -Infinity, state: structuredClone(this.state) }] : [];
  }

  /** The state search sees: the live state, or under a search lag the state as it was that long ago. */
  searchState(): SandboxState {
    if (this.#searchLagMs === 0) return this.state;
    const seenAt = this.clock.now().getTime() - this.#searchLagMs;
    return this.#history.findLast((entry) => entry.at <= seenAt)?.state ?? this.state;
  }

  /** Calls `listener` with every change; returns a function that stops it. */
  onEvent(listener: SandboxEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `listener` with every request a route answered (refused ones included); returns a function that stops it. */
  onRequest(listener: (request: AnsweredRequest) => void): () => void {
    this.#requestListeners.add(listener);
    return () => this.#requestListeners.delete(listener);
  }

  /** Answers a REST request; paths may start with `/api/v3` (GitHub Enterprise) or not. */
  async handle(request: Request): Promise<Response> {
    const version = requestedApiVersion(request.headers.get("x-github-api-version"), this.enterpriseVersion);
    if (typeof version === "object") return this.#respond({ status: 400, body: errorBody(400, version.refusal, GENERIC_DOCUMENTATION) });
    const response = await this.#handleVersioned(request, version);
    response.headers.set("x-github-api-version-selected", version);
    return response;
  }

  async #handleVersioned(request: Request, version: RestApiVersion): Promise<Response> {
    const url = new URL(request.url);
    const path = pathByRepositoryName(this.state, url.pathname.replace(/^\/api\/v3(?=\/|$)/, "").replace(/\/+$/, "") || "/");
    const match = matchRoute(request.method.toUpperCase(), path);
    if (!match) return this.#respond({ status: 404, body: errorBody(404, "Not Found", GENERIC_DOCUMENTATION) });

    const actor = this.#actorOf(request.headers.get("authorization"));
    if (typeof actor === "string") return this.#respond({ status: 401, body: errorBody(401, actor, GENERIC_DOCUMENTATION) });

    const key = `${match.route.method} ${match.route.path}`;
    const rateHeaders = this.#rateLimits.count(callerKey(actor), path.startsWith("/search/") ? "search" : "core", this.clock.now());
    const call: RouteCall = { request, url, path, match, actor, key, rateHeaders, version };
    const fault = this.faults.take(key, actor.kind);
    if (!fault) return this.#answerRoute(call);
    return answerWithFault(fault, {
      answer: () => this.#answerRoute(call),
      respond: (response) => {
        const problem = exemptFromResponseCheck(response.status) ? undefined : sandboxResponseProblem(key, response.status, response.body, version);
        if (problem) throw new Error(`Sandbox bug: the ${fault.kind} fault on ${key} broke GitHub's OpenAPI description: ${problem}`);
        return this.#respond(response, rateHeaders);
      },
      signal: request.signal,
      release: this.faults.release,
      caller: rateLimitedCaller(actor),
    });
  }

  async #answerRoute({ request, url, path, match, actor, key, rateHeaders, version }: RouteCall): Promise<Response> {
    const documentation = findOperation(key, version).documentationUrl || GENERIC_DOCUMENTATION;
    let body: unknown;
    const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        return this.#respond({ status: 400, body: errorBody(400, "Problems parsing JSON", documentation) }, rateHeaders);
      }
    }

    let response: RouteResponse;
    try {
      const refusal = checkRequest(key, { params: match.params, query: url.searchParams, body }, version);
      if (refusal) throw refusal;
      response = answerIn(version, match.route.handle({
        state: this.state,
        actor,
        actorLogin: ensureUser(this.state, this.actorLogin(actor)).login,
        params: match.params,
        query: url.searchParams,
        body,
        url,
        urls: this.urls,
        appId: this.appId,
        enterpriseVersion: this.enterpriseVersion,
        now: this.clock.now(),
        searchState: () => this.searchState(),
        emit: (event) => this.#emit(event),
      }));
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      response = { status: error.status, body: errorBody(error.status, error.message, documentation, error.errors) };
    }

    const problem = sandboxResponseProblem(key, response.status, response.body, version);
    if (problem) {
      throw new Error(`Sandbox bug: ${request.method} ${url.pathname}${url.search} broke GitHub's OpenAPI description: ${problem}`);
    }
    if (request.method !== "GET" && response.status < 300) this.#keepForSearch();
    const apiVersion = request.headers.get("x-github-api-version") ?? undefined;
    const answered = { method: request.method.toUpperCase(), path: `${path}${url.search}`, actor, status: response.status, apiVersion };
    for (const listener of this.#requestListeners) listener(answered);
    return this.#respond(response, rateHeaders);
  }

  /** The login an actor's changes are attributed to. */
  actorLogin(actor: Actor): string {
    if (actor.kind === "user") return actor.login;
    return actor.installations[0]?.app === "github-actions" ? "github-actions[bot]" : `${this.appSlug}[bot]`;
  }

  #actorOf(authorization: string | null): Actor | string {
    if (!authorization) return "Requires authentication";
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization)?.[1] ?? "";
    if (token === "installation") return { kind: "installation", installations: this.state.installations };
    const installationId = /^installation:(\d+)$/.exec(token)?.[1];
    const installation = installationId === undefined ? undefined : installationById(this.state, Number(installationId));
    if (installation) return { kind: "installation", installations: [installation] };
    const user = userToken(token);
    if (user) return { kind: "user", login: ensureUser(this.state, user.login).login, token: user.token };
    return "Bad credentials";
  }

  /** Announces a change made outside the REST API (the control endpoints do what a person does on GitHub's pages). */
  emitChange(event: SandboxEvent): void {
    this.#keepForSearch();
    this.#emit(event);
  }

  /** After a change: under a search lag, search will see this state once the lag has passed. */
  #keepForSearch(): void {
    if (this.#searchLagMs > 0) this.#history.push({ at: this.clock.now().getTime(), state: structuredClone(this.state) });
  }

  #emit(event: SandboxEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #respond(response: RouteResponse, rateHeaders: Record<string, string> = {}): Response {
    this.#requestCount += 1;
    const headers = new Headers({
      ...rateHeaders,
      ...response.headers,
      ...(this.enterpriseVersion && { "x-github-enterprise-version": this.enterpriseVersion }),
      "x-github-request-id": `5A0D:${this.#requestCount.toString(16).toUpperCase().padStart(6, "0")}`,
    });
    if (response.body === undefined) return new Response(null, { status: response.status, headers });
    headers.set("content-type", "application/json; charset=utf-8");
    return new Response(JSON.stringify(response.body), { status: response.status, headers });
  }
}

function errorBody(status: number, message: string, documentation: string, errors?: Record<string, unknown>[]) {
  return { message, ...(errors ? { errors } : {}), documentation_url: documentation, status: String(status) };
}

function callerKey(actor: Actor): string {
  return actor.kind === "user" ? `user:${actor.login.toLowerCase()}` : `installation:${actor.installations.map((installation) => installation.id).join(",")}`;
}

/** A request matched to its route, on its way to an answer. */
interface RouteCall {
  request: Request;
  url: URL;
  path: string;
  match: RouteMatch;
  actor: Actor;
  key: string;
  rateHeaders: Record<string, string>;
  version: RestApiVersion;
}

/** A route's answer (in 2022-11-28's words) as the version asked for has it. */
function answerIn(version: RestApiVersion, response: RouteResponse): RouteResponse {
  return response.body === undefined ? response : { ...response, body: inApiVersion(response.body, version) };
}

import { installationCovering } from "../access.js";
import type { RestApiVersion } from "../api-versions.js";
import { sandboxResponseProblem } from "../openapi.js";
import { pageOf, readPage } from "../pagination.js";
import { githubTimestamp } from "../route.js";
import { repoKey, type InstallationRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { installationPermissions, serializeApp, serializeInstallation } from "./app-json.js";
import { githubError } from "./github-error.js";
import type { InstallationTokens } from "./installation-tokens.js";
import { verifyAppJwt, type SandboxApp } from "./verify-app-jwt.js";

export interface AppRoutesContext {
  state: SandboxState;
  now: () => Date;
  app: SandboxApp;
  tokens: InstallationTokens;
  urls: SandboxUrls;
  /** The REST API version the request asked for: its answer is checked against that version's description. */
  apiVersion: RestApiVersion;
  /** Answers under the request fault the operation meets, if any: the app's token mint fails as GitHub's may. */
  underFault?: (operation: string, answer: () => Promise<Response>) => Promise<Response>;
}

type AppRoute = (context: AppRoutesContext, params: string[], request: Request) => Response | Promise<Response>;

const ROUTES: { operation: string; pattern: RegExp; answer: AppRoute }[] = [
  { operation: "GET /app", pattern: /^\/app$/, answer: (context) => Response.json(serializeApp(context.state, context.app.id, context.urls)) },
  { operation: "GET /app/installations", pattern: /^\/app\/installations$/, answer: listInstallations },
  {
    operation: "GET /app/installations/{installation_id}",
    pattern: /^\/app\/installations\/(\d+)$/,
    answer: (context, [id]) => answerInstallation(context, findInstallation(context.state, Number(id))),
  },
  { operation: "POST /app/installations/{installation_id}/access_tokens", pattern: /^\/app\/installations\/(\d+)\/access_tokens$/, answer: createAccessToken },
  {
    operation: "GET /repos/{owner}/{repo}/installation",
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/installation$/,
    answer: (context, [owner, repo]) => answerInstallation(context, installationOfRepo(context.state, owner!, repo!)),
  },
  {
    operation: "GET /orgs/{org}/installation",
    pattern: /^\/orgs\/([^/]+)\/installation$/,
    answer: (context, [account]) => answerInstallation(context, installationOfAccount(context.state, account!)),
  },
  {
    operation: "GET /users/{username}/installation",
    pattern: /^\/users\/([^/]+)\/installation$/,
    answer: (context, [account]) => answerInstallation(context, installationOfAccount(context.state, account!)),
  },
];

/** The REST operations answered here, for the OpenAPI description the sandbox checks against. */
export const appOperations: string[] = ROUTES.map((route) => route.operation);

/**
 * Answers the endpoints GitHub reserves to the app itself (authenticated by its JWT); `path` is
 * relative to the REST root. Undefined when the path is not one of them.
 */
export function answerAppRequest(request: Request, path: string, context: AppRoutesContext): Promise<Response> | undefined {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match || !route.operation.startsWith(`${request.method} `)) continue;
    const params = match.slice(1).map((part) => decodeURIComponent(part));
    const answer = async () => {
      const response = refuseWithoutAppJwt(request, context) ?? (await route.answer(context, params, request));
      const text = await response.clone().text();
      const problem = sandboxResponseProblem(route.operation, response.status, text === "" ? undefined : JSON.parse(text), context.apiVersion);
      if (problem) throw new Error(`Sandbox bug: ${request.method} ${new URL(request.url).pathname} broke GitHub's OpenAPI description: ${problem}`);
      return response;
    };
    return Promise.resolve().then(() => (context.underFault ? context.underFault(route.operation, answer) : answer()));
  }
  return undefined;
}

function refuseWithoutAppJwt(request: Request, context: AppRoutesContext): Response | undefined {
  const authorization = request.headers.get("authorization");
  if (!authorization) return githubError(401, "Requires authentication");
  const jwt = /^(?:bearer|token)\s+(\S+)$/i.exec(authorization)?.[1] ?? "";
  const verdict = verifyAppJwt(jwt, context.app, context.now());
  return verdict.valid ? undefined : githubError(401, verdict.message);
}

function listInstallations(context: AppRoutesContext, _params: string[], request: Request): Response {
  const installations = pageOf(context.state.installations, readPage(new URL(request.url).searchParams));
  return Response.json(
    installations.map((installation) => {
      const serialized = serializeInstallation(context.state, installation, context.app.id, context.urls);
      // This operation's description joins user and enterprise with allOf (meaning either): the
      // account carries the enterprise fields too, so that it passes the check.
      const account = context.state.users.get(installation.account.toLowerCase());
      const extra = { name: account?.name ?? serialized.account.login, slug: serialized.account.login.toLowerCase(), created_at: account?.createdAt ?? null, updated_at: account?.createdAt ?? null };
      return { ...serialized, account: { ...serialized.account, ...extra } };
    }),
  );
}

async function createAccessToken(context: AppRoutesContext, [id]: string[], request: Request): Promise<Response> {
  const installation = findInstallation(context.state, Number(id));
  if (!installation) return githubError(404, "Not Found");
  const body = await readJsonObject(request);
  if (body === undefined) return githubError(400, "Problems parsing JSON");
  if (body.repositories !== undefined || body.repository_ids !== undefined || body.permissions !== undefined) {
    return githubError(422, "The sandbox hands out tokens for a whole installation: narrowing by repositories or permissions is not implemented.");
  }

  const issued = context.tokens.issue(installation.id);
  return Response.json(
    {
      token: issued.token,
      expires_at: githubTimestamp(issued.expiresAt),
      permissions: installationPermissions(installation),
      repository_selection: installation.repositories === "all" ? "all" : "selected",
    },
    { status: 201 },
  );
}

function answerInstallation(context: AppRoutesContext, installation: InstallationRecord | undefined): Response {
  if (!installation) return githubError(404, "Not Found");
  return Response.json(serializeInstallation(context.state, installation, context.app.id, context.urls));
}

function installationOfAccount(state: SandboxState, account: string): InstallationRecord | undefined {
  return state.installations.find((candidate) => candidate.account.toLowerCase() === account.toLowerCase());
}

function findInstallation(state: SandboxState, id: number): InstallationRecord | undefined {
  return state.installations.find((installation) => installation.id === id);
}

function installationOfRepo(state: SandboxState, owner: string, name: string): InstallationRecord | undefined {
  const repo = state.repos.get(repoKey(owner, name));
  return repo ? installationCovering(state, repo) : undefined;
}

async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

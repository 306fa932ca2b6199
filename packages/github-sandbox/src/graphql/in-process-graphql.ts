import { userToken, type Actor } from "../access.js";
import { installationById } from "../workflow-installations.js";
import type { Sandbox } from "../sandbox.js";
import { answerGraphql } from "./answer-graphql.js";

// GraphQL for the in-process Octokit (`sandbox.octokit()`, as `preview --sandbox` uses it): the
// same answers as over HTTP at `/api/graphql`, for the tokens the in-process client holds.

export function isGraphqlRequest(request: Request): boolean {
  return new URL(request.url).pathname === "/api/graphql";
}

export async function answerInProcessGraphql(sandbox: Sandbox, request: Request): Promise<Response> {
  if (request.method !== "POST") return Response.json({ message: "Not Found" }, { status: 404 });
  const actor = actorOf(sandbox, request.headers.get("authorization"));
  if (!actor) return Response.json({ message: "Bad credentials" }, { status: 401 });
  const context = { state: sandbox.state, actor, urls: sandbox.urls, now: sandbox.clock.now(), searchState: () => sandbox.searchState(), viewerLogin: sandbox.actorLogin(actor) };
  return answerGraphql(await request.text(), context);
}

/** As the in-process REST engine reads its tokens: `installation` (every installation), `installation:<id>`, or a person's. */
function actorOf(sandbox: Sandbox, authorization: string | null): Actor | undefined {
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? "";
  if (token === "installation") return { kind: "installation", installations: sandbox.state.installations };
  const id = /^installation:(\d+)$/.exec(token)?.[1];
  const installation = id === undefined ? undefined : installationById(sandbox.state, Number(id));
  if (installation) return { kind: "installation", installations: [installation] };
  const user = userToken(token);
  return user ? { kind: "user", login: user.login, token: user.token } : undefined;
}

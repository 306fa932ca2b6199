import { checkRequest, checkResponse } from "../src/openapi.js";
import { Sandbox } from "../src/sandbox.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

const SEARCH = "GET /search/issues";

test("accepts a request GitHub accepts", () => {
  expect(checkRequest(SEARCH, { params: {}, query: new URLSearchParams({ q: "label:tsc-agenda", per_page: "100", order: "asc" }), body: undefined })).toBeUndefined();
});

test("refuses query values outside the documented ones with GitHub's 422", () => {
  const refusal = checkRequest(SEARCH, { params: {}, query: new URLSearchParams({ q: "is:open", order: "sideways" }), body: undefined });
  expect([refusal?.status, refusal?.message, refusal?.errors]).toEqual([
    422,
    "Validation Failed",
    [{ resource: "Search", field: "order", code: "invalid", message: "order: must be equal to one of the allowed values" }],
  ]);
});

test("names what breaks the schema in a response", () => {
  expect(checkResponse(SEARCH, 200, { total_count: 1, incomplete_results: false, search_type: "lexical", items: [{ number: "1255" }] })).toMatch(
    /^search\/issues-and-pull-requests 200: \/items\/0 must have required property 'assignee'; .*\/items\/0\/number must be integer$/,
  );
  expect(checkResponse(SEARCH, 418, {})).toBe(
    "status 418 is not documented for search/issues-and-pull-requests (documented: 200, 304, 401, 403, 422, 503)",
  );
});

test("a response of the sandbox that breaks GitHub's description fails loudly, naming the request", async () => {
  const sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  const repo = sandbox.state.repos.get("nodejs/node");
  if (!repo) throw new Error("fixture has nodejs/node");
  Object.assign(repo, { defaultBranch: 42 });
  await expect(sandbox.octokit().rest.repos.get({ owner: "nodejs", repo: "node" })).rejects.toThrow(
    "Sandbox bug: GET /api/v3/repos/nodejs/node broke GitHub's OpenAPI description: repos/get 200: /default_branch must be string",
  );
});

import nock from "nock";
import { ProbotOctokit } from "probot";
import type { GitHub } from "../../src/github.js";
import type { RepoFullName } from "../../src/model.js";
import { settleProposals } from "../../src/operations/steps/settle-proposals.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

// A proposal the agenda did not take is withdrawn only when GitHub says its item is closed or
// gone: a read GitHub refuses (the Discussions permission taken back) decides nothing.

const API = "https://api.github.com";
const log = { info: () => {}, warn: () => {}, error: () => {} };

function octokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test("a proposed discussion GitHub refuses to read stays pending: nobody is told it was withdrawn", async () => {
  const meeting = securityWgMeeting({ sources: { discussions: { categories: [] } } });
  const record = {
    repo: "nodejs/security-wg" as RepoFullName,
    number: 7,
    title: "Threat model",
    url: "https://github.com/nodejs/security-wg/discussions/7",
    by: "octocat",
    at: "2024-03-25T10:00:00Z",
  };
  const scope = nock(API)
    .post("/graphql", (body: { query: string }) => body.query.includes("discussion(number: 7)"))
    .reply(200, {
      data: { r0: { nameWithOwner: "nodejs/security-wg", visibility: "PUBLIC", i0: null } },
      errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration", path: ["r0", "i0"] }],
    });

  const decided = await settleProposals(octokit(), meeting, { number: 12, records: [record], agendaItems: [], home: { private: false } }, { now: new Date("2024-03-26T09:00:00Z"), log });

  expect(decided).toBe(false);
  expect(scope.pendingMocks()).toEqual([]);
});

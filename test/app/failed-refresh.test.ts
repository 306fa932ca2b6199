// A meeting-issue write that fails (a secondary rate limit, which is never retried; a 500 after
// the retries) is not dropped: the refresh runs again later, with the webhook facts it had.
import nock from "nock";
import { parseBody } from "../../src/publish/issue-body.js";
import { composeBody } from "../../src/publish/write-agenda.js";
import { issuesEvent } from "../fixtures/webhooks/node-webhooks.js";
import { removeExperimentalPolicy, searchPage, securityInitiatives } from "../fixtures/search-items.js";
import { API, cleanUp, mockClaimedIssue, mockDiscovery, startApp } from "./harness.js";
import { testSeal } from "../fixtures/state-signer.js";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

const marker = { v: 1 as const, meeting: "security-wg", occurrence: "2024-03-28" };
const body = composeBody(
  "## Agenda\n\n<!-- agenda-drafter:agenda:start -->\n<!-- agenda-drafter:agenda:end -->\n",
  undefined,
  { marker, agendaMarkdown: "", agendaItems: [], facts: [] },
  [],
  undefined,
  testSeal(1260),
);
const meetingIssue = { number: 1260, title: "Node.js Security team Meeting 2024-03-28", state: "open", body, labels: [{ name: "meeting" }] };

/**
 * One refresh while search lags behind the label: the labelled item is read, then the issue
 * written. The first reads the occurrence's claim, which the process then keeps.
 */
function mockRefresh(patch: (scope: nock.Interceptor) => nock.Scope, readsClaim: boolean) {
  const listed = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, [meetingIssue]);
  const scope = (readsClaim ? mockClaimedIssue(listed, 1260) : listed)
    .get("/repos/nodejs/security-wg")
    .reply(200, { private: false, visibility: "public", default_branch: "main" })
    .get("/search/issues")
    .query(true)
    .reply(200, searchPage([securityInitiatives()]))
    .get("/repos/nodejs/node")
    .reply(200, { private: false, visibility: "public" })
    .get("/repos/nodejs/node/issues/52575")
    .reply(200, { ...removeExperimentalPolicy(), state: "open" })
    .get("/repos/nodejs/security-wg/issues/1260")
    .reply(200, meetingIssue);
  return patch(scope.patch("/repos/nodejs/security-wg/issues/1260", (sent) => ((written = sent.body), true)));
}
let written = "";

test("a refresh whose write hit a secondary rate limit runs again after retry-after, with its webhook facts", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const limited = mockRefresh((patch) =>
    patch.reply(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": "0" }),
    true,
  );
  const retried = mockRefresh((patch) => patch.reply(200, {}), false);

  const labelled = issuesEvent("labeled", { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda"] }, { label: "security-wg-agenda" });
  await probot.receive(labelled as never);
  await drafter.idle();
  expect(limited.pendingMocks()).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await drafter.idle();

  expect(retried.pendingMocks()).toEqual([]);
  expect(parseBody(written).agenda).toContain("[#52575](https://github.com/nodejs/node/issues/52575)");
});

test("a refresh refused with a 403 that is no rate limit is not tried again: waiting changes nothing", async () => {
  const { probot, drafter } = await startApp();
  const warnings: string[] = [];
  const errors: string[] = [];
  probot.log.warn = ((message: string) => void warnings.push(message)) as typeof probot.log.warn;
  probot.log.error = ((message: string) => void errors.push(String(message))) as typeof probot.log.error;
  mockDiscovery();
  const refused = mockRefresh((patch) => patch.reply(403, { message: "Resource not accessible by integration" }), true);

  const labelled = issuesEvent("labeled", { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda"] }, { label: "security-wg-agenda" });
  await probot.receive(labelled as never);
  await drafter.idle();
  expect(refused.pendingMocks()).toEqual([]);
  expect(warnings.filter((line) => line.includes("trying again"))).toEqual([]);
  expect(errors.some((line) => line.includes("Resource not accessible by integration"))).toBe(true);
});

test("a failed refresh is one error line naming the installation, the meeting and the occurrence; GitHub's answer goes to debug", async () => {
  const { probot, drafter } = await startApp();
  const errors: string[] = [];
  const debug: string[] = [];
  probot.log.error = ((message: string) => void errors.push(String(message))) as typeof probot.log.error;
  // Probot's own request logging writes objects at debug; the app writes lines.
  probot.log.debug = ((message: unknown) => void (typeof message === "string" && debug.push(message))) as typeof probot.log.debug;
  mockDiscovery();
  // GitHub's validation answers carry the request's fields back; a long body must not reach the error log.
  const answer = { message: "Resource not accessible by integration", errors: Array.from({ length: 200 }, (_, index) => ({ resource: "Issue", field: `body-${index}`, code: "invalid" })) };
  const refused = mockRefresh((patch) => patch.reply(403, answer), true);

  const labelled = issuesEvent("labeled", { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda"] }, { label: "security-wg-agenda" });
  await probot.receive(labelled as never);
  await drafter.idle();
  expect(refused.pendingMocks()).toEqual([]);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(
    /^installation \d+: the refresh of nodejs\/security-wg security-wg 2024-03-28 failed: GitHub answered 403 to PATCH \/repos\/nodejs\/security-wg\/issues\/1260: Resource not accessible by integration[^\n]{0,320}$/,
  );
  expect(errors[0]).not.toContain("body-199");
  expect(debug.some((line) => line.includes("body-199"))).toBe(true);
});

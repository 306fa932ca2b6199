// While search lags, a refresh checks what webhooks said by reading the items themselves: a
// storm of label events names many items, which GraphQL reads 100 a query (with their
// repositories' visibility), instead of two REST reads per event.
import type { ApiRequest } from "@agenda-drafter/github-sandbox";
import type { E2E } from "./harness.js";
import { agendaItems, meetingIssue, startLiveIssueApp } from "./live-issue-app.js";

const LABEL = "security-wg-agenda";
let e2e: E2E;
afterEach(async () => e2e?.close());

test("under search lag, the items of many label events are checked in one GraphQL query, with the same result", async () => {
  e2e = await startLiveIssueApp();
  const requests: ApiRequest[] = [];
  e2e.onApiRequest((request) => void (request.caller === "installation" && requests.push(request)));
  e2e.clock.advance("PT10M");
  e2e.searchLag(2 * 60 * 60 * 1000);
  const issues = e2e.as("RafaelGSS").rest.issues;
  for (const [repo, number] of [["node", 52575], ["node", 52459], ["node", 51971], ["undici", 3054]] as const) {
    await issues.addLabels({ owner: "nodejs", repo, issue_number: number, labels: [LABEL] });
  }
  await issues.removeLabel({ owner: "nodejs", repo: "security-wg", issue_number: 1255, name: LABEL });
  await e2e.settle();

  expect(agendaItems(meetingIssue(e2e))).toEqual([
    "nodejs/node#52575",
    "nodejs/node#52459",
    "nodejs/node#51971",
    "nodejs/nodejs-dependency-vuln-assessments#178",
    "nodejs/undici#3054",
  ]);
  // Facts are kept until search agrees, so each refresh checks all of them again: read one by
  // one, that is a REST read per item and refresh; batched, only a refresh with one fact reads REST.
  const itemReads = requests.filter((request) => request.method === "GET" && /^\/repos\/nodejs\/(node|undici|security-wg)\/issues\/(52575|52459|51971|3054|1255)$/.test(request.path));
  expect(itemReads.length).toBeLessThanOrEqual(1);
});

test("GraphQL's rate limit (HTTP 200 with RATE_LIMITED) on the batched check is waited out, and the agenda comes out right", async () => {
  e2e = await startLiveIssueApp();
  e2e.clock.advance("PT10M");
  e2e.searchLag(2 * 60 * 60 * 1000);
  // The next GraphQL query is refused as GitHub refuses one over the GraphQL limit.
  e2e.failRequests({ route: "POST /graphql", kind: "graphql-rate-limited" });
  const issues = e2e.as("RafaelGSS").rest.issues;
  for (const [repo, number] of [["node", 52575], ["node", 52459], ["undici", 3054]] as const) {
    await issues.addLabels({ owner: "nodejs", repo, issue_number: number, labels: [LABEL] });
  }
  await e2e.settle();

  expect(e2e.requestFaults()[0]?.fired).toBeGreaterThan(0);
  const items = agendaItems(meetingIssue(e2e));
  expect([...items].sort()).toEqual(["nodejs/node#52459", "nodejs/node#52575", "nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255", "nodejs/undici#3054"]);
});

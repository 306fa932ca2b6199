import nock from "nock";
import { parseBody } from "../../src/publish/issue-body.js";
import { composeBody } from "../../src/publish/write-agenda.js";
import { issuesEvent } from "../fixtures/webhooks/node-webhooks.js";
import { removeExperimentalPolicy, searchPage, securityInitiatives } from "../fixtures/search-items.js";
import { API, cleanUp, mockClaimedIssue, mockDiscovery, SECURITY_WG_CONFIG, startApp } from "./harness.js";
import { testSeal } from "../fixtures/state-signer.js";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

const marker = { v: 1 as const, meeting: "security-wg", occurrence: "2024-03-28" };

/** The meeting issue #1260 as the app wrote it earlier, with people's notes around the agenda. */
function existingBody(agendaMarkdown: string, agendaItems: string[]): string {
  const written = `## Agenda

<!-- agenda-drafter:agenda:start -->
<!-- agenda-drafter:agenda:end -->

## Notes

* @mhdawson will present the Permission Model roadmap first.
`;
  return composeBody(written, undefined, { marker, agendaMarkdown, agendaItems, facts: [] }, [], undefined, testSeal(1260));
}

const OLD_AGENDA = `### nodejs/security-wg

* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)`;

const meetingIssue = (body: string) => ({ number: 1260, title: "Node.js Security team Meeting 2024-03-28", state: "open", body, labels: [{ name: "meeting" }] });

function mockDraft(items = [securityInitiatives()]) {
  return nock(API)
    .get("/repos/nodejs/security-wg")
    .reply(200, { private: false, visibility: "public", default_branch: "main" })
    .get("/search/issues")
    .query(true)
    .reply(200, searchPage(items));
}

/** The unlabelled item as the REST API reads it, which bears out the webhook search still lags behind. */
function mockUnlabelledRead() {
  // The home repo's visibility is known from the search step: only the item is read.
  return nock(API)
    .get("/repos/nodejs/security-wg/issues/1255")
    .reply(200, { ...securityInitiatives(), labels: [], state: "open" });
}

/** The app's claim of 2024-03-28, up to the ref's creation, whose answer the test gives. */
function claimTheOccurrence(scope: nock.Scope): nock.Interceptor {
  return scope
    .get("/repos/nodejs/security-wg/git/ref/agenda-drafter%2Fsecurity-wg%2F2024-03-28")
    .reply(404, { message: "Not Found" })
    .get("/repos/nodejs/security-wg")
    .reply(200, { default_branch: "main" })
    .get("/repos/nodejs/security-wg/git/ref/heads%2Fmain")
    .reply(200, { object: { sha: "7638417db6d59f3c431d3e1f261cc637155684cd" } })
    .get("/repos/nodejs/security-wg/git/commits/7638417db6d59f3c431d3e1f261cc637155684cd")
    .reply(200, { tree: { sha: "691272480426f78a0138979dd3ce63b77f706feb" } })
    .post("/repos/nodejs/security-wg/git/commits")
    .reply(201, { sha: "c1a1m0000000000000000000000000000000c1a1" })
    .post("/repos/nodejs/security-wg/git/refs");
}

const labelPolicy = issuesEvent(
  "labeled",
  { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda", "policy"] },
  { label: "security-wg-agenda" },
);

test("a label added in another repository puts the item on the agenda, leaving people's text as it was", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const body = existingBody(OLD_AGENDA, ["nodejs/security-wg#1255"]);
  let patched = "";
  const github = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, [meetingIssue(body)])
    .get("/repos/nodejs/node")
    .reply(200, { private: false, visibility: "public" })
    .get("/repos/nodejs/node/issues/52575")
    .reply(200, { ...removeExperimentalPolicy(), state: "open" })
    .get("/repos/nodejs/security-wg/issues/1260")
    .reply(200, meetingIssue(body))
    .patch("/repos/nodejs/security-wg/issues/1260", (sent) => {
      patched = sent.body;
      return true;
    })
    .reply(200, {});
  mockClaimedIssue(github, 1260);
  const draft = mockDraft();

  await probot.receive(labelPolicy as never);
  await drafter.idle();

  expect([...github.pendingMocks(), ...draft.pendingMocks()]).toEqual([]);
  const before = parseBody(body);
  const after = parseBody(patched, testSeal(1260));
  expect(after.human).toBe(before.human);
  expect(after.agenda).toMatchInlineSnapshot(`
"### Announcements

*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues)

- [ ] Vulnerability Review - <https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues>

### nodejs/node

* Remove --experimental-policy [#52575](https://github.com/nodejs/node/issues/52575)

### nodejs/security-wg

* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)


### Invited members

@​nodejs/security-wg:

* Rafael Gonzaga (@​RafaelGSS)

*And 1 more whose membership of the org is private.*"
`);
  expect(after.state?.facts).toMatchInlineSnapshot(`
[
  {
    "at": "2024-03-26T09:00:00Z",
    "label": "security-wg-agenda",
    "number": 52575,
    "present": true,
    "repo": "nodejs/node",
  },
]
`);
  expect(after.state?.baseHash).toBeDefined();
});

test("an item unlabelled while search still returns it leaves the agenda; a refresh that changes nothing writes nothing", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const body = existingBody(OLD_AGENDA, ["nodejs/security-wg#1255"]);
  const unlabel = issuesEvent(
    "unlabeled",
    { repo: "nodejs/security-wg", number: 1255, title: "Node.js Security Initiatives 2024", labels: [] },
    { label: "security-wg-agenda" },
  );
  let patched = "";
  const github = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, [meetingIssue(body)])
    .get("/repos/nodejs/security-wg/issues/1260")
    .reply(200, meetingIssue(body))
    .patch("/repos/nodejs/security-wg/issues/1260", (sent) => {
      patched = sent.body;
      return true;
    })
    .reply(200, {});
  mockClaimedIssue(github, 1260);
  mockDraft([securityInitiatives()]);
  const read = mockUnlabelledRead();

  await probot.receive(unlabel as never);
  await drafter.idle();
  expect(github.pendingMocks()).toEqual([]);
  expect(read.pendingMocks()).toEqual([]);
  expect(parseBody(patched).agenda).toMatchInlineSnapshot(`
"### Announcements

*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues)

- [ ] Vulnerability Review - <https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues>


### Invited members

@​nodejs/security-wg:

* Rafael Gonzaga (@​RafaelGSS)

*And 1 more whose membership of the org is private.*"
`);

  // The same event again, with search still lagging: the issue already says so.
  const again = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, [meetingIssue(patched)])
    .get("/repos/nodejs/security-wg/issues/1260")
    .reply(200, meetingIssue(patched));
  // The claim the first refresh read records the issue: it is not read again.
  mockDraft([securityInitiatives()]);
  const readAgain = mockUnlabelledRead();
  await probot.receive(unlabel as never);
  await drafter.idle();
  expect(again.pendingMocks()).toEqual([]);
  expect(readAgain.pendingMocks()).toEqual([]);
});

test("a burst of label events is one refresh", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const body = existingBody(OLD_AGENDA, ["nodejs/security-wg#1255"]);
  const github = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, [meetingIssue(body)])
    .get("/repos/nodejs/security-wg/issues/1260")
    .reply(200, meetingIssue(body))
    .patch("/repos/nodejs/security-wg/issues/1260")
    .reply(200, {});
  mockClaimedIssue(github, 1260);
  mockDraft([securityInitiatives(), removeExperimentalPolicy()]);

  for (let round = 0; round < 5; round++) await probot.receive(labelPolicy as never);
  await drafter.idle();
  expect(github.pendingMocks()).toEqual([]);
});

test("an open unmarked issue with the occurrence's title is adopted, not duplicated", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const cronBody = "## Agenda\n\n* Node.js Security Initiatives 2024 #1255\n\n## Joining the meeting\n\n* link for participants: https://zoom.us/j/...\n";
  const cronIssue = { ...meetingIssue(cronBody), number: 1259 };
  let adopted = "";
  const github = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, [cronIssue]);
  claimTheOccurrence(github)
    .reply(201, {})
    .get("/repos/nodejs/security-wg/git/commits/c1a1m0000000000000000000000000000000c1a1")
    .reply(200, { tree: { sha: "691272480426f78a0138979dd3ce63b77f706feb" } })
    .post("/repos/nodejs/security-wg/git/commits", (sent) => sent.message === "agenda-drafter: security-wg 2024-03-28 is #1259")
    .reply(201, { sha: "1259000000000000000000000000000000001259" })
    .patch("/repos/nodejs/security-wg/git/refs/agenda-drafter%2Fsecurity-wg%2F2024-03-28")
    .reply(200, {})
    .get("/repos/nodejs/security-wg/issues/1259")
    .reply(200, cronIssue)
    .patch("/repos/nodejs/security-wg/issues/1259", (sent) => {
      adopted = sent.body;
      return true;
    })
    .reply(200, {});
  mockDraft();

  await probot.receive(
    issuesEvent(
      "labeled",
      { repo: "nodejs/security-wg", number: 1255, title: "Node.js Security Initiatives 2024", labels: ["security-wg-agenda"] },
      { label: "security-wg-agenda" },
    ) as never,
  );
  await drafter.idle();
  expect(github.pendingMocks()).toEqual([]);
  expect(adopted.replace(/state \S+/, "state …")).toMatchInlineSnapshot(`
"<!-- agenda-drafter:meeting {"v":1,"meeting":"security-wg","occurrence":"2024-03-28"} -->
## Agenda

* Node.js Security Initiatives 2024 #1255

## Joining the meeting

* link for participants: https://zoom.us/j/...

<!-- agenda-drafter:agenda:start -->
### Announcements

*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues)

- [ ] Vulnerability Review - <https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues>

### nodejs/security-wg

* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)


### Invited members

@​nodejs/security-wg:

* Rafael Gonzaga (@​RafaelGSS)

*And 1 more whose membership of the org is private.*
<!-- agenda-drafter:agenda:end -->

<!-- agenda-drafter:state … -->
"
`);
});

test("when another process holds the claim, the issue it creates is updated instead of a second one", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const body = existingBody(OLD_AGENDA, ["nodejs/security-wg#1255"]);
  const github = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, []);
  claimTheOccurrence(github)
    .reply(422, { message: "Reference already exists" })
    // The ref points at the other process's commit: the claim is not this one's.
    .get("/repos/nodejs/security-wg/git/ref/agenda-drafter%2Fsecurity-wg%2F2024-03-28")
    .reply(200, { object: { sha: "0the000000000000000000000000000000000c1a" } })
    // The other process has created its issue and recorded it in the claim: a marker alone would not do.
    .get("/repos/nodejs/security-wg/git/ref/agenda-drafter%2Fsecurity-wg%2F2024-03-28")
    .reply(200, { object: { sha: "0the000000000000000000000000000000000c1a" } })
    .get("/repos/nodejs/security-wg/git/commits/0the000000000000000000000000000000000c1a")
    .reply(200, { message: "agenda-drafter: security-wg 2024-03-28 is #1260", committer: { date: "2024-03-26T09:00:00Z" } })
    .get("/repos/nodejs/security-wg/issues/1260")
    .reply(200, meetingIssue(body))
    .patch("/repos/nodejs/security-wg/issues/1260")
    .reply(200, {});
  mockDraft([securityInitiatives(), removeExperimentalPolicy()]);
  const create = nock(API).post("/repos/nodejs/security-wg/issues").reply(201, { number: 1261 });

  await probot.receive(labelPolicy as never);
  await drafter.idle();
  expect(github.pendingMocks()).toEqual([]);
  expect(create.isDone()).toBe(false);
});

test("a dry-run meeting reads but writes nothing", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery(SECURITY_WG_CONFIG.replace("    timezones: [UTC]\n", "    timezones: [UTC]\n    dry_run: true\n"));
  const github = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, [])
    .get("/repos/nodejs/security-wg/git/ref/agenda-drafter%2Fsecurity-wg%2F2024-03-28")
    .reply(404, { message: "Not Found" });
  mockDraft([securityInitiatives(), removeExperimentalPolicy()]);

  await probot.receive(labelPolicy as never);
  await drafter.idle();
  expect(github.pendingMocks()).toEqual([]);
});

test("an occurrence whose lead time has not come is left alone", async () => {
  const { probot, drafter } = await startApp("2024-03-20T09:00:00Z");
  mockDiscovery();
  const github = nock(API).get("/repos/nodejs/security-wg/issues").query(true).reply(200, []);
  await probot.receive(labelPolicy as never);
  await drafter.idle();
  expect(github.pendingMocks()).toEqual([]);
});

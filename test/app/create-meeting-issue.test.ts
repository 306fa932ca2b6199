import nock from "nock";
import { issuesEvent } from "../fixtures/webhooks/node-webhooks.js";
import { removeExperimentalPolicy, searchPage, securityInitiatives } from "../fixtures/search-items.js";
import { API, cleanUp, mockDiscovery, startApp } from "./harness.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { testSeal } from "../fixtures/state-signer.js";

const CLAIM_REF = "agenda-drafter%2Fsecurity-wg%2F2024-03-28";
const HEAD = "7638417db6d59f3c431d3e1f261cc637155684cd";
const TREE = "691272480426f78a0138979dd3ce63b77f706feb";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

const labelled = issuesEvent(
  "labeled",
  { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda", "policy"] },
  { label: "security-wg-agenda" },
);

test("the first agenda label of a due occurrence claims it, creates its issue and records the issue in the claim", async () => {
  const { probot, drafter } = await startApp();
  const discovery = mockDiscovery();
  const written: { title?: string; body?: string; labels?: string[] } = {};
  const commits: string[] = [];
  let signed = "";
  const github = nock(API)
    .get("/repos/nodejs/security-wg/issues")
    .query({ state: "all", labels: "meeting", sort: "created", direction: "asc", per_page: "100" })
    .reply(200, [])
    .get("/repos/nodejs/security-wg")
    .reply(200, { private: false, visibility: "public", default_branch: "main" })
    .get("/search/issues")
    .query(true)
    // Search lags: the item just labelled is not there yet.
    .reply(200, searchPage([securityInitiatives()]))
    .get("/repos/nodejs/node")
    .reply(200, { private: false, visibility: "public" })
    .get("/repos/nodejs/node/issues/52575")
    .reply(200, { ...removeExperimentalPolicy(), state: "open" })
    .get(`/repos/nodejs/security-wg/git/ref/${CLAIM_REF}`)
    .reply(404, { message: "Not Found" })
    .get("/repos/nodejs/security-wg")
    .reply(200, { private: false, visibility: "public", default_branch: "main" })
    .get("/repos/nodejs/security-wg/git/ref/heads%2Fmain")
    .reply(200, { ref: "refs/heads/main", object: { sha: HEAD, type: "commit" } })
    .get(`/repos/nodejs/security-wg/git/commits/${HEAD}`)
    .reply(200, { sha: HEAD, tree: { sha: TREE }, message: "Update README" })
    .post("/repos/nodejs/security-wg/git/commits", (body) => {
      commits.push(`${body.message.split("\n")[0]} (tree ${body.tree.slice(0, 7)}, parents ${JSON.stringify(body.parents)})`);
      return true;
    })
    .reply(201, { sha: "c1a1m0000000000000000000000000000000c1a1" })
    .post("/repos/nodejs/security-wg/git/refs", { ref: "refs/agenda-drafter/security-wg/2024-03-28", sha: "c1a1m0000000000000000000000000000000c1a1" })
    .reply(201, { ref: "refs/agenda-drafter/security-wg/2024-03-28", object: { sha: "c1a1m0000000000000000000000000000000c1a1" } })
    .post("/repos/nodejs/security-wg/issues", (body) => {
      Object.assign(written, body);
      return true;
    })
    .reply(201, { number: 1260 })
    .get("/repos/nodejs/security-wg/git/commits/c1a1m0000000000000000000000000000000c1a1")
    .reply(200, { sha: "c1a1m0000000000000000000000000000000c1a1", tree: { sha: TREE }, message: "agenda-drafter: claim security-wg 2024-03-28" })
    .post("/repos/nodejs/security-wg/git/commits", (body) => {
      commits.push(`${body.message.split("\n")[0]} (tree ${body.tree.slice(0, 7)}, parents ${JSON.stringify(body.parents)})`);
      return true;
    })
    .reply(201, { sha: "1260000000000000000000000000000000001260" })
    .patch(`/repos/nodejs/security-wg/git/refs/${CLAIM_REF}`, { sha: "1260000000000000000000000000000000001260", force: false })
    .reply(200, {})
    .get("/repos/nodejs/security-wg/issues/1260")
    .reply(200, () => ({ number: 1260, title: written.title, state: "open", body: written.body, labels: [{ name: "meeting" }] }))
    .patch("/repos/nodejs/security-wg/issues/1260", (sent) => ((signed = sent.body), true))
    .reply(200, {});

  await probot.receive(labelled as never);
  await drafter.idle();

  expect(github.pendingMocks()).toEqual([]);
  expect(discovery.pendingMocks()).toEqual([]);
  expect(commits).toMatchInlineSnapshot(`
[
  "agenda-drafter: claim security-wg 2024-03-28 (tree 6912724, parents [])",
  "agenda-drafter: security-wg 2024-03-28 is #1260 (tree 6912724, parents ["c1a1m0000000000000000000000000000000c1a1"])",
]
`);
  expect(written.title).toBe("Node.js Security team Meeting 2024-03-28");
  expect(written.labels).toEqual(["meeting"]);
  expect(written.body).toMatchInlineSnapshot(`
"<!-- agenda-drafter:meeting {"v":1,"meeting":"security-wg","occurrence":"2024-03-28"} -->
## Time

**UTC Thu 28-Mar-2024 16:00** (04:00 PM):

| Timezone | Date/Time |
|----------|-----------|
| UTC | Thu 28-Mar-2024 16:00 (04:00 PM) |

Or in your local time:

* <https://www.timeanddate.com/worldclock/fixedtime.html?msg=Node.js%20Security%20team%20Meeting%202024-03-28&iso=20240328T1600&p1=1440>

## Links

* Minutes: the minutes pull request will be linked here once it is open.

## Invited

* @​nodejs/security-wg

### Observers/Guests

* Anyone is welcome to watch; to take part, comment on this issue.

## Agenda

<!-- agenda-drafter:agenda:start -->
### Announcements

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

*And 1 more whose membership of the org is private.*
<!-- agenda-drafter:agenda:end -->

## Joining the meeting

* The joining link will be shared here before the meeting.

---

Please use the following emoji reactions in this post to indicate your availability.

* 👍 - Attending
* 👎 - Not attending
* 😕 - Not sure yet
"
`);
  // The state names the issue it belongs to, so it is signed once the issue's number is known.
  expect(signed.startsWith(written.body ?? "")).toBe(true);
  expect(parseBody(signed, testSeal(1260)).state).toMatchObject({
    agendaItems: ["nodejs/node#52575", "nodejs/security-wg#1255"],
    facts: [{ repo: "nodejs/node", number: 52575, label: "security-wg-agenda", present: true, at: "2024-03-26T09:00:00Z" }],
  });
});

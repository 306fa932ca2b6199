import nock from "nock";
import { freezeAgenda } from "../../src/operations/freeze-agenda.js";
import { refreshMeeting } from "../../src/operations/refresh-meeting.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { composeBody } from "../../src/publish/write-agenda.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { API, mockClaimedIssue, TestOctokit } from "../app/harness.js";
import { testSeal, withTestSigner } from "../fixtures/state-signer.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const log = { info: () => {}, warn: () => {}, error: () => {} };
const octokit = () => withTestSigner(new TestOctokit({ auth: "ghs_test" })) as never;
const marker = { v: 1 as const, meeting: "security-wg", occurrence: "2024-03-28" };
const AGENDA = "### nodejs/node\n\n* Remove --experimental-policy [#52575](https://github.com/nodejs/node/pull/52575)";
const body = composeBody("## Agenda\n\n<!-- agenda-drafter:agenda:start -->\n<!-- agenda-drafter:agenda:end -->\n", undefined, { marker, agendaMarkdown: AGENDA, agendaItems: ["nodejs/node#52575"], facts: [] }, [], undefined, testSeal(1260));
const meetingIssue = { number: 1260, title: "Node.js Security team Meeting 2024-03-28", state: "open", body, labels: [{ name: "security-wg-agenda-meeting" }], html_url: "https://github.com/nodejs/security-wg/issues/1260" };

test("from the meeting's start a refresh leaves the agenda as it was, though no tick has frozen it", async () => {
  const github = mockClaimedIssue(nock(API).get("/repos/nodejs/security-wg/issues").query(true).reply(200, [meetingIssue]), 1260);
  const outcome = await refreshMeeting({ octokit: octokit(), log, now: new Date("2024-03-28T16:00:00Z") }, securityWgMeeting(), {
    labels: [{ repo: "nodejs/node", number: 52000, label: "security-wg-agenda", present: true, at: "2024-03-28T16:00:00Z" }],
    repos: [],
  });
  expect(outcome).toEqual({ kind: "frozen", issueNumber: 1260 });
  expect(github.pendingMocks()).toEqual([]);
});

test("the tick's freeze records the agenda the issue shows, in full, and changes nothing else", async () => {
  let written = "";
  nock(API)
    .get("/repos/nodejs/security-wg/issues/1260")
    .twice()
    .reply(200, meetingIssue)
    .get("/repos/nodejs/node")
    .reply(200, { full_name: "nodejs/node", private: false, visibility: "public" })
    .get("/repos/nodejs/node/issues/52575")
    .reply(200, {
      number: 52575,
      repository_url: "https://api.github.com/repos/nodejs/node",
      title: "Remove --experimental-policy",
      html_url: "https://github.com/nodejs/node/pull/52575",
      user: { login: "RafaelGSS" },
      labels: [{ name: "security-wg-agenda" }],
      pull_request: { url: "https://api.github.com/repos/nodejs/node/pulls/52575" },
      draft: false,
      state: "closed",
      created_at: "2024-04-17T14:00:00Z",
      updated_at: "2024-03-28T16:10:00Z",
    })
    .get("/repos/nodejs/security-wg")
    .twice()
    .reply(200, { private: false, default_branch: "main" })
    .post("/graphql")
    .reply(200, { data: { organization: { team: { members: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [{ login: "RafaelGSS", name: "Rafael Gonzaga" }] } } } } })
    .get("/orgs/nodejs/public_members")
    .query(true)
    .reply(200, [{ login: "RafaelGSS" }])
    .patch("/repos/nodejs/security-wg/issues/1260", (sent) => ((written = sent.body), true))
    .reply(200, {});

  const outcome = await freezeAgenda(octokit(), securityWgMeeting(), { occurrence: march28, issueNumber: 1260 }, { now: new Date("2024-03-28T16:05:00Z"), log });

  expect(outcome).toBe("written");
  const after = parseBody(written, testSeal(1260));
  expect(after.agenda).toBe(AGENDA);
  expect(after.human).toBe(parseBody(body).human);
  expect(after.state?.frozen).toMatchInlineSnapshot(`
{
  "at": "2024-03-28T16:05:00.000Z",
  "groups": [
    {
      "items": [
        {
          "author": "RafaelGSS",
          "createdAt": "2024-04-17T14:00:00Z",
          "draft": false,
          "kind": "pull_request",
          "labels": [
            "security-wg-agenda",
          ],
          "number": 52575,
          "repo": "nodejs/node",
          "title": "Remove --experimental-policy",
          "updatedAt": "2024-03-28T16:10:00Z",
          "url": "https://github.com/nodejs/node/pull/52575",
        },
      ],
      "repo": "nodejs/node",
    },
  ],
  "invitedTeams": [
    {
      "members": [
        {
          "login": "RafaelGSS",
          "name": "Rafael Gonzaga",
        },
      ],
      "privateMembers": 0,
      "team": "@nodejs/security-wg",
    },
  ],
  "searchUrls": [
    "https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues",
  ],
}
`);
});

test("a frozen agenda is never frozen again", async () => {
  const frozenBody = composeBody(body, { ...parseBody(body, testSeal(1260)).state!, frozen: { at: "2024-03-28T16:00:00Z", groups: [], searchUrls: [] } }, { marker, agendaMarkdown: AGENDA, agendaItems: ["nodejs/node#52575"], facts: [] }, [], undefined, testSeal(1260));
  const github = nock(API).get("/repos/nodejs/security-wg/issues/1260").reply(200, { ...meetingIssue, body: frozenBody });
  const outcome = await freezeAgenda(octokit(), securityWgMeeting(), { occurrence: march28, issueNumber: 1260 }, { now: new Date("2024-03-28T18:00:00Z"), log });
  expect(outcome).toBe("unchanged");
  expect(github.pendingMocks()).toEqual([]);
});

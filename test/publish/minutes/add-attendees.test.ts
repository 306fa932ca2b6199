import nock from "nock";
import { withAttendees } from "../../../src/publish/minutes/add-attendees.js";
import { claimComment } from "../../../src/publish/claim-comment.js";
import { march28, securityWgMeeting } from "../../fixtures/security-wg-meeting.js";
import { API, TestOctokit } from "../../app/harness.js";
import { withTestSigner } from "../../fixtures/state-signer.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

test("people are added under Present as `* Full Name (@login)`, once, leaving the rest of an edited file alone", () => {
  const file = "# Node.js Security team Meeting 2024-03-28\n\n## Present\n\n* Rafael Gonzaga (@RafaelGSS)\n\n## Agenda\n\nPeople's notes.\n";
  const people = [
    { login: "RafaelGSS", name: "Rafael Gonzaga" },
    { login: "mhdawson", name: "Michael Dawson" },
    { login: "UlisesGascon", name: null },
  ];
  expect(withAttendees(file, securityWgMeeting(), march28, people)).toMatchInlineSnapshot(`
"# Node.js Security team Meeting 2024-03-28

## Present

* Rafael Gonzaga (@RafaelGSS)
* Michael Dawson (@​mhdawson)
* @​UlisesGascon

## Agenda

People's notes.
"
`);
});

test("a comment's commands are claimed once: a second claim of the same comment gets 422 and runs nothing", async () => {
  const refs: string[] = [];
  const first = "c1a1m0000000000000000000000000000000c1a1";
  nock(API)
    .persist()
    .get("/repos/nodejs/security-wg")
    .reply(200, { default_branch: "main" })
    .get("/repos/nodejs/security-wg/git/ref/heads%2Fmain")
    .reply(200, { object: { sha: "a".repeat(40) } })
    .get(`/repos/nodejs/security-wg/git/commits/${"a".repeat(40)}`)
    .reply(200, { tree: { sha: "b".repeat(40) } });
  nock(API)
    .post("/repos/nodejs/security-wg/git/commits")
    .reply(201, { sha: first })
    .post("/repos/nodejs/security-wg/git/refs", (sent) => (refs.push(sent.ref), true))
    .reply(201, {})
    .post("/repos/nodejs/security-wg/git/commits")
    .reply(201, { sha: "5ec0d000000000000000000000000000000005ec" })
    .post("/repos/nodejs/security-wg/git/refs")
    .reply(422, { message: "Reference already exists" })
    .get("/repos/nodejs/security-wg/git/ref/agenda-drafter-comments%2F2029451237")
    .reply(200, { object: { sha: first } })
    .get(`/repos/nodejs/security-wg/git/commits/${first}`)
    .reply(200, { tree: { sha: "b".repeat(40) }, message: "agenda-drafter: comment 2029451237 claimed at 2024-03-26T09:00:00.000Z", committer: { date: "2024-03-26T09:00:00Z" } });
  const octokit = withTestSigner(new TestOctokit({ auth: "ghs_test" })) as never;
  const home = { owner: "nodejs", repo: "security-wg" };
  const now = new Date("2024-03-26T09:00:10Z");
  expect(await claimComment(octokit, home, 2029451237, now)).toEqual({ sha: first, tree: "b".repeat(40), takenOver: false });
  expect(await claimComment(octokit, home, 2029451237, now)).toBeUndefined();
  expect(refs).toEqual(["refs/agenda-drafter-comments/2029451237"]);
});

import nock from "nock";
import { hashText, parseBody } from "../../src/publish/issue-body.js";
import { composeBody } from "../../src/publish/write-agenda.js";
import { issuesEvent } from "../fixtures/webhooks/node-webhooks.js";
import { API, cleanUp, mockClaimedIssue, mockDiscovery, startApp } from "./harness.js";
import { testSeal } from "../fixtures/state-signer.js";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

const marker = { v: 1 as const, meeting: "security-wg", occurrence: "2024-03-28" };
const content = (agendaMarkdown: string) => ({ marker, agendaMarkdown, agendaItems: [], facts: [] });
const template = "## Agenda\n\n<!-- agenda-drafter:agenda:start -->\n<!-- agenda-drafter:agenda:end -->\n\n## Notes\n";
const SEAL = testSeal(1260);
const meetingIssue = { number: 1260, title: "Node.js Security team Meeting 2024-03-28", repo: "nodejs/security-wg", labels: ["meeting"] };

test("a person's edit that landed between the app's read and its write is put back", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  // The occurrence's claim records #1260: it is the meeting issue.
  mockClaimedIssue(nock(API), 1260);
  // The app read `read`, a person then saved `personal`, and the app wrote `written` over it.
  const read = composeBody(template, undefined, content("* old agenda"), [], undefined, SEAL);
  const personal = read.replace("## Notes\n", "## Notes\n\n* Michael will present the Permission Model roadmap first.\n");
  const written = composeBody(read, parseBody(read, SEAL).state, content("* new agenda"), [], hashText(read), SEAL);
  let restored = "";
  const github = nock(API)
    .get("/repos/nodejs/security-wg/issues/1260")
    .reply(200, { number: 1260, body: written })
    .patch("/repos/nodejs/security-wg/issues/1260", (sent) => {
      restored = sent.body;
      return true;
    })
    .reply(200, {});

  await probot.receive(
    issuesEvent("edited", { ...meetingIssue, body: written }, { changes: { body: { from: personal } }, sender: "agenda-drafter[bot]" }) as never,
  );
  await drafter.idle();

  expect(github.pendingMocks()).toEqual([]);
  expect(parseBody(restored).human).toBe(parseBody(personal).human);
  expect(parseBody(restored).agenda).toBe("* new agenda");
});

test("the app's own edit, based on the body that was there, needs nothing; nor does a person's edit", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  // The occurrence's claim records #1260: it is the meeting issue.
  mockClaimedIssue(nock(API), 1260);
  const read = composeBody(template, undefined, content("* old agenda"), [], undefined, SEAL);
  const written = composeBody(read, parseBody(read, SEAL).state, content("* new agenda"), [], hashText(read), SEAL);
  const personal = written.replace("## Notes\n", "## Notes\n\n* Michael will present first.\n");

  await probot.receive(issuesEvent("edited", { ...meetingIssue, body: written }, { changes: { body: { from: read } } }) as never);
  await probot.receive(issuesEvent("edited", { ...meetingIssue, body: personal }, { changes: { body: { from: written } } }) as never);
  await drafter.idle();
  expect(nock.pendingMocks()).toEqual([]);
});

test("a person's edit made after the app's overwrite is left as it is", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  // The occurrence's claim records #1260: it is the meeting issue.
  mockClaimedIssue(nock(API), 1260);
  const read = composeBody(template, undefined, content("* old agenda"), [], undefined, SEAL);
  const personal = read.replace("## Notes\n", "## Notes\n\n* first note\n");
  const written = composeBody(read, parseBody(read, SEAL).state, content("* new agenda"), [], hashText(read), SEAL);
  const later = written.replace("## Notes\n", "## Notes\n\n* second note\n");
  const github = nock(API).get("/repos/nodejs/security-wg/issues/1260").reply(200, { number: 1260, body: later });

  await probot.receive(issuesEvent("edited", { ...meetingIssue, body: written }, { changes: { body: { from: personal } } }) as never);
  await drafter.idle();
  expect(github.pendingMocks()).toEqual([]);
});

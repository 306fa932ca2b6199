// A steerer's decision on a proposal that a GitHub fault interrupts is not lost, and its proposer
// is not told twice: the command claims the proposal, tells the proposer, then records the
// decision, as a refresh deciding it does, and gives the claim back when a step fails, so that the
// steerer's retry (or the next refresh) goes on at once from where the fault stopped it. One
// meeting issue; each test proposes an item of its own.
import { HOME, meetingIssue, stateOf } from "./live-issue-app.js";
import { startDrafter, type DrafterStage } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

const [OWNER = "", REPO = ""] = HOME.split("/");
const UPDATE_ISSUE = "PATCH /repos/{owner}/{repo}/issues/{issue_number}";
const CREATE_COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";

let stage: DrafterStage;
beforeAll(async () => (stage = await startDrafter()));
afterAll(async () => stage?.e2e.close());
afterEach(() => stage.e2e.clearRequestFaults());

async function comment(login: string, body: string): Promise<void> {
  await stage.e2e.as(login).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: meetingIssue(stage.e2e).number, body });
  await stage.e2e.settle();
}

/** The app's notices to the proposer of `item`. */
function notices(item: string): string[] {
  return stage.e2e
    .comments(HOME, meetingIssue(stage.e2e).number)
    .filter((posted) => posted.author === "agenda-drafter[bot]")
    .map((posted) => visibleText(posted.body))
    .filter((text) => text.includes(`your proposal of`) && text.includes(`(${item})`));
}

function decisionOf(item: number) {
  return stateOf(meetingIssue(stage.e2e))?.proposals?.find((record) => record.number === item)?.decided;
}

test.each([
  // Probot's retry plugin sends the state's write four times; a comment is sent twice at most (write-once.ts).
  { what: "record in the issue's state", route: UPDATE_ISSUE, times: 4, proposer: "UlisesGascon", item: 1263, title: "Automate the security release announcement" },
  { what: "notice to the proposer", route: CREATE_COMMENT, times: 2, proposer: "mhdawson", item: 1236, title: "Proposed approach for build steps in deps which are not in make node" },
])("a decline whose $what fails is done by the steerer's retry, and the proposer is told once", async ({ route, times, proposer, item, title }) => {
  await comment(proposer, `/agenda propose #${item}`);
  stage.e2e.failRequests({ route, kind: "server-error", times });

  await comment("RafaelGSS", `/agenda decline #${item}`);
  expect(stage.e2e.requestFaults()).toMatchObject([{ fired: times }]);
  expect(decisionOf(item)).toBeUndefined();
  await comment("RafaelGSS", `/agenda decline #${item}`);

  expect(notices(`${HOME}#${item}`)).toEqual([`@${proposer}: your proposal of ${title} (${HOME}#${item}) is declined for this meeting by @\u200BRafaelGSS.`]);
  expect(decisionOf(item)).toEqual(expect.objectContaining({ outcome: "declined", by: "RafaelGSS" }));
  expect(meetingIssue(stage.e2e).body).not.toContain(`[#${item}]`);
});

test("an /agenda add whose notice to the proposer fails has the refresh its label brings tell them, once", async () => {
  await comment("UlisesGascon", "/agenda propose nodejs/node#52575");
  stage.e2e.failRequests({ route: CREATE_COMMENT, kind: "server-error", times: 2 });

  await comment("RafaelGSS", "/agenda add nodejs/node#52575");
  expect(stage.e2e.requestFaults()).toMatchObject([{ fired: 2 }]);
  expect(stage.e2e.issue("nodejs/node", 52575).labels).toEqual(["security-wg-agenda"]);

  expect(notices("nodejs/node#52575")).toEqual(["@UlisesGascon: your proposal of Remove --experimental-policy (nodejs/node#52575) is on the agenda: it was labelled in its repository."]);
  expect(decisionOf(52575)).toEqual(expect.objectContaining({ outcome: "added", via: "label" }));
  await stage.tick();
  expect(notices("nodejs/node#52575")).toHaveLength(1);
});

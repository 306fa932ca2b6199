// The limits one meeting issue puts on proposals, as the app answers a proposer: at most 20 wait
// for a steerer at once, and 50 are made on one issue. The limits count the issue's signed state,
// so each test seeds it with the proposals others made instead of posting them one by one.
import { parseBody, spliceBody } from "../../src/publish/issue-body.js";
import type { ProposalRecord } from "../../src/publish/proposal-record.js";
import { HOME, meetingIssue, stateOf } from "./live-issue-app.js";
import { startDrafter, type DrafterStage } from "./drafter-app.js";
import { testSeal } from "../fixtures/state-signer.js";
import { visibleText } from "../fixtures/visible-text.js";

const [OWNER = "", REPO = ""] = HOME.split("/");

let stage: DrafterStage;
beforeAll(async () => (stage = await startDrafter()));
afterAll(async () => stage?.e2e.close());

/** Proposals by `count` other people, of the home repo's issues 9001 on (never read: only a refresh would), made an hour before the fixture's now. */
function othersProposals(count: number, decided?: ProposalRecord["decided"]): ProposalRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    repo: HOME as ProposalRecord["repo"],
    number: 9001 + index,
    by: `proposer-${index}`,
    at: "2024-03-26T08:00:00.000Z",
    ...(decided ? { decided } : { title: `Topic ${index}`, url: `https://github.com/${HOME}/issues/${9001 + index}` }),
  }));
}

/** Writes these proposals into the meeting issue's state as the app signed it, and nothing else. */
function seedProposals(proposals: ProposalRecord[]): void {
  const issue = meetingIssue(stage.e2e);
  const parsed = parseBody(issue.body, testSeal(issue.number));
  if (!parsed.marker || !parsed.state) throw new Error("the meeting issue has no state to seed");
  const record = stage.e2e.sandbox.state.repos.get(HOME)?.issues.get(issue.number);
  if (!record) throw new Error(`no issue ${issue.number}`);
  record.body = spliceBody(issue.body, { marker: parsed.marker, agenda: parsed.agenda ?? "", state: { ...parsed.state, proposals } }, testSeal(issue.number));
}

async function propose(login: string, body: string): Promise<string> {
  const number = meetingIssue(stage.e2e).number;
  const before = stage.e2e.comments(HOME, number).length;
  await stage.e2e.as(login).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
  await stage.e2e.settle();
  return stage.e2e
    .comments(HOME, number)
    .slice(before)
    .filter((reply) => reply.author === "agenda-drafter[bot]")
    .map((reply) => visibleText(reply.body))
    .join("\n");
}

test("with 20 proposals waiting, a 21st is refused, and the state is left as it was", async () => {
  seedProposals(othersProposals(20));
  expect(await propose("UlisesGascon", "/agenda propose #1263")).toContain(
    "Nothing changed: 20 proposals already wait for a steerer, the most a meeting holds; propose again once some are decided.",
  );
  expect(stateOf(meetingIssue(stage.e2e))?.proposals).toHaveLength(20);
});

test("with 50 proposals made on the issue, decided ones included, a 51st is refused, and the state is left as it was", async () => {
  seedProposals(othersProposals(50, { outcome: "declined", by: "RafaelGSS", at: "2024-03-26T08:30:00.000Z" }));
  expect(await propose("UlisesGascon", "/agenda propose #1263")).toContain(
    "Nothing changed: this meeting has had 50 proposals, the most one meeting takes; propose on the next meeting's issue.",
  );
  expect(stateOf(meetingIssue(stage.e2e))?.proposals).toHaveLength(50);
});

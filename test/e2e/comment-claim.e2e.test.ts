// A comment's commands are not lost when the process that claimed the comment dies before running
// them: a redelivery, or else the tick, takes the stale claim over and runs them, once.
import type { E2E } from "./harness.js";
import { agendaItems, HOME, meetingIssue, startLiveIssueApp } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

const [owner = "", repo = ""] = HOME.split("/");
let e2e: E2E;
afterEach(async () => e2e?.close());

/** Another process's claim of the comment, made before its webhook reaches this one; that process then dies. */
async function claimAsADyingProcess(commentId: number) {
  const person = e2e.as("mhdawson").rest.git;
  const { data: main } = await person.getRef({ owner, repo, ref: "heads/main" });
  const { data: head } = await person.getCommit({ owner, repo, commit_sha: main.object.sha });
  const { data: claim } = await person.createCommit({ owner, repo, tree: head.tree.sha, parents: [], message: `agenda-drafter: comment ${commentId} claimed at ${e2e.clock.now().toISOString()}\n\nclaimant of a process that died` });
  await person.createRef({ owner, repo, ref: `refs/agenda-drafter-comments/${commentId}`, sha: claim.sha });
}

async function comment(body: string) {
  const { data } = await e2e.as("RafaelGSS").rest.issues.createComment({ owner, repo, issue_number: meetingIssue(e2e).number, body });
  return data;
}

async function expectRunOnce(commentId: number) {
  expect(agendaItems(meetingIssue(e2e))).toContain("nodejs/node#52459");
  const replies = e2e.comments(HOME, meetingIssue(e2e).number).filter((candidate) => candidate.author === "agenda-drafter[bot]");
  expect(replies.map((reply) => visibleText(reply.body).split("\n")[0])).toEqual(["> /agenda add nodejs/node#\u200B52459"]);
  const person = e2e.as("mhdawson").rest.git;
  const { data: ref } = await person.getRef({ owner, repo, ref: `agenda-drafter-comments/${commentId}` });
  const { data: done } = await person.getCommit({ owner, repo, commit_sha: ref.object.sha });
  expect(done.message).toBe(`agenda-drafter: comment ${commentId} done`);
}

test("a comment claimed by a process that died is taken over by its redelivery, and its commands run once", async () => {
  e2e = await startLiveIssueApp();

  // The webhook arrives late, and twice; before it does, another process claims the comment and dies.
  e2e.faults({ delayMs: 1_500, duplicate: true });
  const { id } = await comment("/agenda add nodejs/node#52459");
  await claimAsADyingProcess(id);
  e2e.clock.advance("PT6M");
  await e2e.settle();
  e2e.faults({ delayMs: 0, duplicate: false });

  await expectRunOnce(id);
});

/** A drafter, and a comment whose webhook comes while a dead process's claim of it is fresh: this process leaves the comment to it. */
async function commentLeftToADeadProcess(): Promise<{ stage: DrafterStage; id: number }> {
  const stage = await startDrafter();
  e2e = stage.e2e;
  e2e.faults({ delayMs: 500 });
  const { id } = await comment("/agenda add nodejs/node#52459");
  await claimAsADyingProcess(id);
  await e2e.settle();
  e2e.faults({ delayMs: 0 });
  return { stage, id };
}

test("a comment claimed by a process that died, with no redelivery, is finished by the tick, once", async () => {
  const { stage, id } = await commentLeftToADeadProcess();
  expect(agendaItems(meetingIssue(e2e))).not.toContain("nodejs/node#52459");

  // A tick within five minutes of the claim leaves it too; one after finishes the comment.
  e2e.clock.advance("PT4M");
  expect(stepsDone(await stage.tick())).toEqual([]);
  e2e.clock.advance("PT2M");
  expect(stepsDone(await stage.tick())).toEqual([`finish-comment ${id}`]);
  await expectRunOnce(id);

  expect(stepsDone(await stage.tick())).toEqual([]);
  await expectRunOnce(id);
});

test("a comment claimed by a process that died, then deleted by its author, runs nothing, and the tick deletes its claim", async () => {
  const { stage, id } = await commentLeftToADeadProcess();
  await e2e.as("RafaelGSS").rest.issues.deleteComment({ owner, repo, comment_id: id });
  await e2e.settle();

  e2e.clock.advance("PT6M");
  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(agendaItems(meetingIssue(e2e))).not.toContain("nodejs/node#52459");
  expect(e2e.comments(HOME, meetingIssue(e2e).number).filter((candidate) => candidate.author === "agenda-drafter[bot]")).toEqual([]);
  // A redelivery of its webhook would find the comment gone and run nothing: the claim serves no one.
  await expect(e2e.as("mhdawson").rest.git.getRef({ owner, repo, ref: `agenda-drafter-comments/${id}` })).rejects.toMatchObject({ status: 404 });
});

test("a comment's done claim is kept while its event may come again, and deleted by the tick after; a replay after that runs nothing", async () => {
  const stage = await startDrafter();
  e2e = stage.e2e;
  const { id } = await comment("/agenda add nodejs/node#52459");
  await e2e.settle();
  await expectRunOnce(id);
  const delivery = e2e.deliveries().find((record) => record.event === "issue_comment" && (record.payload["comment"] as { id: number }).id === id);

  // GitHub redelivers for 3 days (7 on Enterprise Server), a workflow re-run replays for 30: the done claim makes them run nothing.
  e2e.clock.advance("P31D");
  await stage.tick();
  await expectRunOnce(id);

  // After, the claim goes, so that the refs the tick lists do not grow for ever ...
  e2e.clock.advance("P1DT1H");
  await stage.tick();
  const person = e2e.as("mhdawson").rest.git;
  await expect(person.getRef({ owner, repo, ref: `agenda-drafter-comments/${id}` })).rejects.toMatchObject({ status: 404 });

  // ... and the comment's event, sent once more, is a replay: it runs nothing and claims nothing.
  e2e.server.webhooks!.enqueue("issue_comment", delivery!.payload);
  await e2e.settle();
  const replies = e2e.comments(HOME, meetingIssue(e2e).number).filter((candidate) => candidate.author === "agenda-drafter[bot]" && candidate.body.includes("/agenda add"));
  expect(replies).toHaveLength(1);
  await expect(person.getRef({ owner, repo, ref: `agenda-drafter-comments/${id}` })).rejects.toMatchObject({ status: 404 });
});

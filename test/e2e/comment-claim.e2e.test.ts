// A comment's commands are not lost when the process that claimed the comment dies before running
// them: a redelivery takes the stale claim over and runs them, once.
import type { E2E } from "./harness.js";
import { agendaItems, HOME, meetingIssue, startLiveIssueApp } from "./live-issue-app.js";
import { visibleText } from "../fixtures/visible-text.js";

let e2e: E2E;
afterEach(async () => e2e?.close());

test("a comment claimed by a process that died is taken over by its redelivery, and its commands run once", async () => {
  e2e = await startLiveIssueApp();
  const [owner = "", repo = ""] = HOME.split("/");
  const issueNumber = meetingIssue(e2e).number;

  // The webhook arrives late, and twice; before it does, another process claims the comment and dies.
  e2e.faults({ delayMs: 1_500, duplicate: true });
  const { data: comment } = await e2e.as("RafaelGSS").rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: "/agenda add nodejs/node#52459" });
  const person = e2e.as("mhdawson").rest.git;
  const { data: main } = await person.getRef({ owner, repo, ref: "heads/main" });
  const { data: head } = await person.getCommit({ owner, repo, commit_sha: main.object.sha });
  const { data: claim } = await person.createCommit({ owner, repo, tree: head.tree.sha, parents: [], message: `agenda-drafter: comment ${comment.id} claimed at ${e2e.clock.now().toISOString()}\n\nclaimant of a process that died` });
  await person.createRef({ owner, repo, ref: `refs/agenda-drafter-comments/${comment.id}`, sha: claim.sha });
  e2e.clock.advance("PT6M");
  await e2e.settle();
  e2e.faults({ delayMs: 0, duplicate: false });

  expect(agendaItems(meetingIssue(e2e))).toContain("nodejs/node#52459");
  const replies = e2e.comments(HOME, issueNumber).filter((candidate) => candidate.author === "agenda-drafter[bot]");
  expect(replies.map((reply) => visibleText(reply.body).split("\n")[0])).toEqual(["> /agenda add nodejs/node#\u200B52459"]);
  const { data: ref } = await person.getRef({ owner, repo, ref: `agenda-drafter-comments/${comment.id}` });
  const { data: done } = await person.getCommit({ owner, repo, commit_sha: ref.object.sha });
  expect(done.message).toBe(`agenda-drafter: comment ${comment.id} done`);
});

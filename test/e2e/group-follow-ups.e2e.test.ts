// Follow-ups: the unchecked tasks and ACTION lines of the previous meeting's merged minutes are the
// next agenda's "Action items from last meeting", kept current as minutes reach the default branch.
import { readFileSync } from "node:fs";
import type { ApiRequest } from "@agenda-drafter/github-sandbox";
import { agendaText, HOME, meetingIssue, meetingIssues, snapshotWith } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

const REPO = { owner: "nodejs", repo: "security-wg" };
const MINUTES = readFileSync(new URL("../fixtures/follow-ups/minutes-2024-03-14.md", import.meta.url), "utf8");
const HEADING = "### Action items from last meeting";

let stage: DrafterStage;
const minutesReads: string[] = [];
beforeAll(async () => {
  stage = await startDrafter(
    snapshotWith((snapshot) => {
      const files = snapshot.orgs.nodejs.repos["security-wg"]!.files!;
      files[".github/agenda-drafter.yml"] = files[".github/agenda-drafter.yml"]!.replace('start: "2024-03-28T16:00"', 'start: "2024-03-14T16:00"');
    }),
  );
  stage.e2e.onApiRequest((request: ApiRequest) => {
    if (request.caller === "installation" && request.method === "GET" && request.path.startsWith("/repos/nodejs/security-wg/contents/meetings")) minutesReads.push(request.path);
  });
});
afterAll(async () => stage?.e2e.close());

function person() {
  return stage.e2e.as("mhdawson").rest;
}

/** A person's pull request that writes `text` to `path` on a branch of its own, merged. */
async function mergeMinutes(path: string, text: string, branch: string): Promise<void> {
  const main = await person().git.getRef({ ...REPO, ref: "heads/main" });
  await person().git.createRef({ ...REPO, ref: `refs/heads/${branch}`, sha: main.data.object.sha });
  await person().repos.createOrUpdateFileContents({ ...REPO, path, branch, message: "Minutes", content: Buffer.from(text).toString("base64") });
  const pull = await person().pulls.create({ ...REPO, head: branch, base: "main", title: "Minutes" });
  await person().pulls.merge({ ...REPO, pull_number: pull.data.number, merge_method: "squash" });
  await stage.e2e.settle();
}

/** Replaces `from` by `to` in the file on the default branch, as a person's commit there. */
async function editOnMain(path: string, from: string, to: string): Promise<void> {
  const file = await person().repos.getContent({ ...REPO, path });
  if (Array.isArray(file.data) || file.data.type !== "file") throw new Error(`${path} is not a file`);
  const text = Buffer.from(file.data.content, "base64").toString("utf8").replace(from, to);
  await person().repos.createOrUpdateFileContents({ ...REPO, path, sha: file.data.sha, message: "Done", content: Buffer.from(text).toString("base64") });
  await stage.e2e.settle();
}

function followUpsText(): string {
  const agenda = agendaText(meetingIssue(stage.e2e));
  const start = agenda.indexOf(HEADING);
  return start === -1 ? "" : agenda.slice(start, agenda.indexOf("\n### ", start + 1));
}

test("until the previous meeting's minutes are merged, the agenda has no follow-ups", () => {
  expect(agendaText(meetingIssue(stage.e2e))).not.toContain(HEADING);
});

test("merged minutes put their action items in the next agenda, inert, each linked to its line, for one read", async () => {
  minutesReads.length = 0;
  await mergeMinutes("meetings/2024-03-14.md", MINUTES, "minutes-2024-03-14");
  const url = "https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-14.md";
  expect(followUpsText()).toBe(
    [
      HEADING,
      "",
      `*From the [minutes of 2024-03-14](${url}): their unchecked tasks and lines marked ACTION.*`,
      "",
      `* @\u200BRafaelGSS to open an issue for the \`--allow-addons\` flag ([line 23](${url}?plain=1#L23))`,
      "",
      `* Michael to check nodejs/node#\u200B52575 with the TSC ([line 24](${url}?plain=1#L24))`,
      "",
      `* @\u200BUlisesGascon draft the announcement template ([line 26](${url}?plain=1#L26))`,
      "",
      `* Review the release checklist with the releasers ([line 28](${url}?plain=1#L28))`,
      "",
      `* everyone to review the threat model before next meeting ([line 36](${url}?plain=1#L36))`,
      "",
      `* mhdawson to book the collab summit room ([line 37](${url}?plain=1#L37))`,
      "",
    ].join("\n"),
  );
  // The merge's push refreshed the issue; the pull request's own events read nothing more.
  expect(minutesReads).toEqual(["/repos/nodejs/security-wg/contents/meetings%2F2024-03-14.md"]);
});

test("a task ticked on the default branch leaves the agenda", async () => {
  await editOnMain("meetings/2024-03-14.md", "- [ ] @UlisesGascon", "- [x] @UlisesGascon");
  expect(followUpsText()).not.toContain("UlisesGascon");
  expect(followUpsText()).toContain("Review the release checklist");
});

test("the app's own minutes pull request, merged with an action, feeds the agenda of the issue the tick creates next", async () => {
  const { e2e } = stage;
  e2e.clock.set("2024-03-28T17:05:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
  const pull = e2e.pullRequests(HOME).find((pullRequest) => pullRequest.state === "open");
  const branch = "agenda-drafter/security-wg/2024-03-28";
  const file = await person().repos.getContent({ ...REPO, path: "meetings/2024-03-28.md", ref: branch });
  if (Array.isArray(file.data) || file.data.type !== "file") throw new Error("no minutes file");
  const notes = `${Buffer.from(file.data.content, "base64").toString("utf8")}\n* ACTION: @RafaelGSS to write the threat model\n`;
  await person().repos.createOrUpdateFileContents({ ...REPO, path: "meetings/2024-03-28.md", branch, sha: file.data.sha, message: "Notes", content: Buffer.from(notes).toString("base64") });
  await person().pulls.merge({ ...REPO, pull_number: pull!.number, merge_method: "squash" });
  await e2e.settle();

  e2e.clock.set("2024-04-09T09:00:00Z");
  expect(stepsDone(await stage.tick())).toContain("create-issue 2024-04-11");
  const next = meetingIssues(e2e).find((issue) => issue.state === "open")!;
  expect(next.title).toBe("Node.js Security team Meeting 2024-04-11");
  const agenda = agendaText(next);
  expect(agenda).toContain("*From the [minutes of 2024-03-28](https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-28.md)");
  expect(agenda).toContain("* @\u200BRafaelGSS to write the threat model ([line ");
  expect(agenda).not.toContain("threat model before next meeting");
});

test("after a meeting cancelled by command, the next agenda has the follow-ups of the last meeting held", async () => {
  const { e2e } = stage;
  const cancelled = meetingIssues(e2e).find((issue) => issue.state === "open")!;
  await e2e.as("RafaelGSS").rest.issues.createComment({ ...REPO, issue_number: cancelled.number, body: "/meeting cancel most of us are at the collab summit" });
  await e2e.settle();
  expect(e2e.issue(HOME, cancelled.number).state).toBe("closed");

  e2e.clock.set("2024-04-23T09:00:00Z");
  expect(stepsDone(await stage.tick())).toContain("create-issue 2024-04-25");
  const next = meetingIssues(e2e).find((issue) => issue.state === "open")!;
  expect(next.title).toBe("Node.js Security team Meeting 2024-04-25");
  expect(agendaText(next)).toContain("*From the [minutes of 2024-03-28](https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-28.md)");
  expect(minutesReads.at(-1)).toBe("/repos/nodejs/security-wg/contents/meetings%2F2024-03-28.md");
});

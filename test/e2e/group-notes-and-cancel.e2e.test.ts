// A notes document per meeting, linked before the meeting and in the minutes; and a cancellation
// whose reason the meeting issue itself shows, as text.
import { HOME, meetingIssue, snapshotWith } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { allNodes, describeWithCmarkGfm, githubLinksIn, renderGitHubMarkdown, textRuns } from "../render/github-rendering.js";

const CONFIG_PATH = ".github/agenda-drafter.yml";
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";
const REPO = { owner: "nodejs", repo: "security-wg" };

const SNAPSHOT = snapshotWith((snapshot) => {
  const files = snapshot.orgs.nodejs.repos["security-wg"]?.files;
  if (!files) throw new Error("the snapshot has no nodejs/security-wg files");
  files[CONFIG_PATH] = `${files[CONFIG_PATH]}    links: { notes: "https://hackmd.io/@nodejs/security-wg-{{date}}" }\n    link_labels: { notes: Meeting notes }\n`;
});

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

test("the notes link, with the occurrence's date, is in the issue before the meeting and in the minutes after it", async () => {
  stage = await startDrafter(SNAPSHOT);
  const { e2e } = stage;
  expect(meetingIssue(e2e).body).toContain("## Links\n\n* Minutes: the minutes pull request will be linked here once it is open.\n* Meeting notes: <https://hackmd.io/@nodejs/security-wg-2024-03-28>\n");
  e2e.clock.set("2024-03-28T17:05:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
  const minutes = e2e.file(HOME, "meetings/2024-03-28.md", MINUTES_BRANCH) ?? "";
  expect(minutes).toContain("* **Meeting notes**: <https://hackmd.io/@nodejs/security-wg-2024-03-28>\n");
});

// The reason as the comment shows it (commands are read from the rendered comment), and as written.
const HOSTILE_REASON = "@nodejs/tsc see #1 and https://evil.example <b>now</b> *please*";
const HOSTILE_COMMENT = "@nodejs/tsc see #1 and https://evil.example \\<b>now\\</b> \\*please\\*";

describeWithCmarkGfm("a cancellation's reason", () => {
  test("/meeting cancel <reason> puts the reason in the issue body, shown as text: no mention, reference, link or markup", async () => {
    stage = await startDrafter(SNAPSHOT);
    const { e2e } = stage;
    const issue = meetingIssue(e2e);
    await e2e.as("RafaelGSS").rest.issues.createComment({ ...REPO, issue_number: issue.number, body: `/meeting cancel ${HOSTILE_COMMENT}` });
    await e2e.settle();
    const body = e2e.issue(HOME, issue.number).body;
    expect(e2e.issue(HOME, issue.number).state).toBe("closed");
    const line = (body ?? "").split("\n").find((text) => text.startsWith("**This meeting is cancelled.**")) ?? "";
    const nodes = allNodes(await renderGitHubMarkdown(line));
    const paragraph = nodes.find((node) => node.type === "paragraph");
    const shown = textRuns(paragraph?.children ?? []).join("").replaceAll("\u200B", "");
    expect(shown).toBe(` Reason: ${HOSTILE_REASON}`);
    expect(nodes.filter((node) => ["link", "html_inline", "emph"].includes(node.type))).toEqual([]);
    expect(textRuns(paragraph?.children ?? []).flatMap(githubLinksIn)).toEqual([]);
  });
});

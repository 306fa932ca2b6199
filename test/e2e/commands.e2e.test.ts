// The people who run the meeting steer it by comment on the meeting issue; everyone else is told
// why nothing changed.
import type { CommentRecord } from "@agenda-drafter/github-sandbox";
import { agendaItems, HOME, meetingIssue, meetingIssues } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

const LABEL = "security-wg-agenda";
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";

// Who is who: RafaelGSS and UlisesGascon are in the invited team (UlisesGascon with no role on
// any repository), marco-ippolito has triage on the home repo only, targos may write to it,
// joyeecheung maintains it, mhdawson owns the org, aduh95 may read it, tniessen is an org member
// through the base permission, and evil-stranger is nobody to the org.
const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
users:
  RafaelGSS: { name: Rafael Gonzaga }
  mhdawson: { name: Michael Dawson }
  UlisesGascon: { name: Ulises Gascón }
  marco-ippolito: { name: Marco Ippolito }
  joyeecheung: { name: Joyee Cheung }
  targos: { name: Michaël Zasso }
  aduh95: { name: Antoine du Hamel }
  tniessen: { name: Tobias Nießen }
  evil-stranger: { name: null }
orgs:
  nodejs:
    owners: [mhdawson]
    members: [mhdawson, RafaelGSS, UlisesGascon, marco-ippolito, joyeecheung, targos, aduh95, tniessen]
    teams:
      security-wg: { name: Security WG, members: [RafaelGSS, UlisesGascon] }
    repos:
      security-wg:
        collaborators: { RafaelGSS: triage, marco-ippolito: triage, joyeecheung: maintain, targos: write, aduh95: read }
        labels:
          security-wg-agenda: { color: "5319e7" }
          meeting: { color: "0e8a16" }
        files:
          .github/agenda-drafter.yml: |
            meetings:
              security-wg:
                name: Node.js Security team
                agenda_labels: [security-wg-agenda]
                schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
                invited: ["@nodejs/security-wg"]
                timezones: [UTC]
        issues:
          - { number: 1255, title: "Node.js Security Initiatives 2024", labels: [security-wg-agenda], author: RafaelGSS, created_at: "2024-01-09T14:02:11Z" }
          - { number: 1263, title: "Automate the security release announcement", author: UlisesGascon, created_at: "2024-02-20T10:31:05Z" }
      node:
        labels:
          security-wg-agenda: { color: "5319e7" }
        issues:
          - { number: 52575, title: "Remove --experimental-policy", author: RafaelGSS, created_at: "2024-03-22T12:04:31Z" }
          - { number: 52459, title: "tools: change inactive limit to 9 months", pull_request: true, author: mhdawson, created_at: "2024-03-11T18:22:40Z" }
      security-advisories:
        private: true
        labels:
          security-wg-agenda: { color: "5319e7" }
        issues:
          - { number: 41, title: "Embargoed: HTTP request smuggling in llhttp", author: RafaelGSS, created_at: "2024-03-20T16:40:00Z" }
installations:
  - { id: 4001, account: nodejs }
`;

let stage: DrafterStage;
let meetingNumber: number;
beforeEach(async () => {
  stage = await startDrafter(SNAPSHOT);
  meetingNumber = meetingIssue(stage.e2e).number;
});
afterEach(async () => stage?.e2e.close());

/** Comments as `login`, lets the app answer, and returns what the app did about the comment. */
async function comment(login: string, body: string, issueNumber = meetingNumber) {
  const { e2e } = stage;
  const before = e2e.comments(HOME, issueNumber).length;
  const { data } = await e2e.as(login).rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: issueNumber, body });
  await e2e.settle();
  const comments = e2e.comments(HOME, issueNumber);
  const posted = comments.find((candidate) => candidate.id === data.id) as CommentRecord;
  return {
    id: data.id,
    reactions: posted.reactions.map((reaction) => `${reaction.user}: ${reaction.content}`),
    replies: comments.slice(before).filter((candidate) => candidate.author === "agenda-drafter[bot]").map((reply) => visibleText(reply.body)),
  };
}

function labelsOf(repo: string, number: number): string[] {
  return stage.e2e.issue(`nodejs/${repo}`, number).labels;
}

// The team is named with a zero-width space after the @, so that the reply mentions nobody.
const REFUSED = "Nothing changed: only people who may steer this meeting can do this; they are members of @\u200Bnodejs/security-wg and people with triage or higher on nodejs/security-wg.";

test("/agenda add and /agenda remove: the invited team and triagers change the labels for the meeting; readers, org members and strangers are refused", async () => {
  for (const login of ["aduh95", "tniessen", "evil-stranger"]) {
    const refused = await comment(login, "/agenda add nodejs/node#52575");
    expect(refused.reactions).toEqual([]);
    expect(refused.replies).toEqual([`> /agenda add nodejs/node#\u200B52575\n\n${REFUSED}`]);
  }
  expect(labelsOf("node", 52575)).toEqual([]);

  // UlisesGascon has no role on nodejs/node: the app labels it for the meeting.
  const added = await comment("UlisesGascon", "/agenda add nodejs/node#52575 https://github.com/nodejs/node/pull/52459");
  expect(added.replies).toMatchInlineSnapshot(`
[
  "> /agenda add nodejs/node#​52575 https:​//github.com/nodejs/node/pull/52459

Added to the agenda:
- nodejs/node#52575: Remove --experimental-policy
- nodejs/node#52459: tools: change inactive limit to 9 months",
]
`);
  expect(added.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(labelsOf("node", 52575)).toEqual([LABEL]);
  expect(labelsOf("node", 52459)).toEqual([LABEL]);

  const triager = await comment("marco-ippolito", "/agenda add #1263 #1255");
  expect(triager.replies).toMatchInlineSnapshot(`
[
  "> /agenda add #​1263 #​1255

Added to the agenda:
- nodejs/security-wg#1263: Automate the security release announcement

Already on the agenda:
- nodejs/security-wg#1255: Node.js Security Initiatives 2024",
]
`);
  expect(agendaItems(meetingIssue(stage.e2e))).toEqual(["nodejs/node#52575", "nodejs/node#52459", "nodejs/security-wg#1263", "nodejs/security-wg#1255"]);

  const removed = await comment("joyeecheung", "/agenda remove nodejs/node#52459\n/agenda refresh");
  expect(removed.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(removed.replies).toMatchInlineSnapshot(`
[
  "> /agenda remove nodejs/node#​52459

Removed from the agenda:
- nodejs/node#52459: tools: change inactive limit to 9 months",
]
`);
  expect(labelsOf("node", 52459)).toEqual([]);
  expect(agendaItems(meetingIssue(stage.e2e))).toEqual(["nodejs/node#52575", "nodejs/security-wg#1263", "nodejs/security-wg#1255"]);

  expect((await comment("evil-stranger", "/agenda refresh")).replies).toEqual([`> /agenda refresh\n\n${REFUSED}`]);
  expect((await comment("aduh95", "/agenda remove nodejs/node#52575")).replies).toEqual([`> /agenda remove nodejs/node#\u200B52575\n\n${REFUSED}`]);
  expect((await comment("mhdawson", "/agenda refresh")).reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect((await comment("targos", "/agenda refresh")).reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(labelsOf("node", 52575)).toEqual([LABEL]);
});

test("an item of a private repository is refused on the public meeting, without saying whether it exists", async () => {
  const refused = await comment("RafaelGSS", "/agenda add nodejs/security-advisories#41");
  expect(refused.replies).toMatchInlineSnapshot(`
[
  "> /agenda add nodejs/security-advisories#​41

Nothing changed: nodejs/security-advisories#41 is not an item this meeting can show: it does not exist, the app cannot see it, or its repository is not public while the meeting's issues and minutes are public.",
]
`);
  expect(labelsOf("security-advisories", 41)).toEqual([]);
  expect(meetingIssue(stage.e2e).body).not.toContain("llhttp");
});

test("/meeting reschedule moves the occurrence for people who steer; /meeting cancel closes it", async () => {
  expect((await comment("evil-stranger", "/meeting reschedule 2024-03-29 17:00")).replies).toEqual([`> /meeting reschedule 2024-03-29 17:00\n\n${REFUSED}`]);
  expect((await comment("aduh95", "/meeting cancel")).replies).toEqual([`> /meeting cancel\n\n${REFUSED}`]);
  expect(meetingIssue(stage.e2e).title).toBe("Node.js Security team Meeting 2024-03-28");

  const bad = await comment("RafaelGSS", "/meeting reschedule tomorrow");
  expect(bad.reactions).toEqual([]);
  expect(bad.replies).toMatchInlineSnapshot(`
[
  "> /meeting reschedule tomorrow

"tomorrow" is not a date like 2024-03-28. Usage: \`/meeting reschedule <YYYY-MM-DD> <HH:MM> [zone]\` (\`/help\` lists every command.)",
]
`);

  const moved = await comment("RafaelGSS", "/meeting reschedule 2024-03-29 17:00");
  expect(moved.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(moved.replies).toMatchInlineSnapshot(`
[
  "> /meeting reschedule 2024-03-29 17:00

Moved to Friday 2024-03-29 17:00 (UTC).",
]
`);
  const issue = meetingIssue(stage.e2e);
  expect(issue.title).toBe("Node.js Security team Meeting 2024-03-29");
  expect(issue.body).toContain("**UTC Fri 29-Mar-2024 17:00**");

  const cancelled = await comment("marco-ippolito", "/meeting cancel the collab summit takes everyone");
  expect(cancelled.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(cancelled.replies).toMatchInlineSnapshot(`
[
  "The meeting of 2024-03-29 is cancelled (asked by @​marco-ippolito). The reason given: the collab summit takes everyone

No minutes will be opened; items on this agenda go to the next meeting.",
]
`);
  expect(stage.e2e.issue(HOME, meetingNumber).state).toBe("closed");
  expect(stage.e2e.issue(HOME, meetingNumber).body).toContain("**This meeting is cancelled.**");
  expect(stage.e2e.pullRequests(HOME)).toEqual([]);
});

test("/minutes opens the pull request for people who steer; /present records anyone for themselves, others only for people who steer", async () => {
  expect((await comment("aduh95", "/minutes")).replies).toEqual([`> /minutes\n\n${REFUSED}`]);
  expect(stage.e2e.pullRequests(HOME)).toEqual([]);

  const stranger = await comment("evil-stranger", "/present");
  expect(stranger.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(stranger.replies).toMatchInlineSnapshot(`
[
  "> /present

Recorded as present:
* @​evil-stranger",
]
`);
  expect((await comment("evil-stranger", "/present @mhdawson")).replies).toEqual([`> /present @\u200Bmhdawson\n\n${REFUSED}`]);

  const minutes = await comment("RafaelGSS", "/present @UlisesGascon @RafaelGSS\n/minutes");
  expect(minutes.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(minutes.replies).toMatchInlineSnapshot(`
[
  "> /present @​UlisesGascon @​RafaelGSS

Recorded as present:
* Ulises Gascón (@​UlisesGascon)
* Rafael Gonzaga (@​RafaelGSS)

> /minutes

Opened the minutes pull request: https://github.com/nodejs/security-wg/pull/1265",
]
`);
  const [pullRequest, ...others] = stage.e2e.pullRequests(HOME);
  expect(others).toEqual([]);
  expect(pullRequest?.pullRequest.head.ref).toBe(MINUTES_BRANCH);
  expect(presentSection()).toMatchInlineSnapshot(`
"* @​evil-stranger
* Ulises Gascón (@​UlisesGascon)
* Rafael Gonzaga (@​RafaelGSS)"
`);

  // On the branch now: the file is drafted again with the newcomer.
  await comment("tniessen", "/present");
  expect(presentSection()).toMatchInlineSnapshot(`
"* @​evil-stranger
* Ulises Gascón (@​UlisesGascon)
* Rafael Gonzaga (@​RafaelGSS)
* Tobias Nießen (@​tniessen)"
`);
  expect(stage.e2e.pullRequests(HOME)).toHaveLength(1);
});

function presentSection(): string {
  const minutes = stage.e2e.file(HOME, "meetings/2024-03-28.md", MINUTES_BRANCH) ?? "";
  return /## Present\n([\s\S]*?)\n## /.exec(minutes)?.[1]?.trim() ?? `no Present section in:\n${minutes}`;
}

test("/help answers anyone from the commands' declarations; a misspelt command gets the nearest usage", async () => {
  const help = await comment("evil-stranger", "/help");
  expect(help.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(help.replies).toMatchInlineSnapshot(`
[
  "> /help

Commands are lines of a new comment on this issue that start with one of these:

| command | what it does | who may use it | examples |
| --- | --- | --- | --- |
| \`/agenda add <ref>...\` | Puts the items on the agenda by adding the meeting's agenda label to them. A \`<ref>\` is \`#12\` (in the home repo), \`owner/repo#12\` or an issue, pull request or discussion URL (discussions in a meeting with \`sources.discussions\`); items must be open and in the meeting's scope. | people who may steer the meeting | \`/agenda add #1255\`<br>\`/agenda add nodejs/node#52575 https://github.com/nodejs/node/pull/52459\` |
| \`/agenda remove <ref>...\` | Takes the items (issues, pull requests or discussions, named as for \`/agenda add\`) off the agenda by removing the meeting's agenda labels from them; other labels stay. | people who may steer the meeting | \`/agenda remove #1255\`<br>\`/agenda remove nodejs/node#52575\` |
| \`/agenda refresh\` | Recomputes the agenda in the meeting issue now, without waiting for the next change. | people who may steer the meeting | \`/agenda refresh\` |
| \`/agenda propose <ref> [why]\` | Proposes an item (named as for \`/agenda add\`) for the agenda without labelling it: it is listed under Proposed, with your reason (its first 200 characters), until a steerer adds it (\`/agenda add\`, or by labelling it) or declines it (\`/agenda decline\`), or it is closed; you get one reply either way. At most 3 proposals a person per meeting, 2 an hour; none once the meeting has started. | anyone who may comment | \`/agenda propose nodejs/node#52575\`<br>\`/agenda propose #1263 The release announcement needs a decision before Thursday\` |
| \`/agenda decline <ref> [reason]\` | Declines an item proposed with \`/agenda propose\` (named as for \`/agenda add\`): it leaves the Proposed list, its proposer is told (with the reason), and it cannot be proposed again for this meeting. | people who may steer the meeting | \`/agenda decline nodejs/node#52575\`<br>\`/agenda decline #1263 Covered by the release working group\` |
| \`/meeting cancel [reason]\` | Cancels this occurrence: the meeting issue says so, with the reason, and is closed; no minutes pull request is opened. | people who may steer the meeting | \`/meeting cancel\`<br>\`/meeting cancel Most of us are at the collaborator summit\` |
| \`/meeting reschedule <YYYY-MM-DD> <HH:MM> [zone]\` | Moves this occurrence to another date and time, in the given IANA time zone or else the meeting's own. The title, time table and minutes follow; a date that has another occurrence of the meeting is refused. | people who may steer the meeting | \`/meeting reschedule 2024-04-04 16:00\`<br>\`/meeting reschedule 2024-04-04 18:00 Europe/Berlin\` |
| \`/minutes\` | Opens the minutes pull request now, or regenerates its file while the branch still holds only the app's commit; once a person has pushed to it, replies with its link and changes nothing. | people who may steer the meeting | \`/minutes\` |
| \`/present [@user ...]\` | Records attendees in the minutes' Present section as \`* Full Name (@login)\`: yourself when no one is named. On the minutes pull request's branch once it exists, until then in the meeting's state. | anyone who may comment, for themselves; people who may steer the meeting, for others | \`/present\`<br>\`/present @mhdawson @RafaelGSS\` |
| \`/help\` | Replies with every command, its usage and who may use it. | anyone who may comment | \`/help\` |

People who may steer this meeting: members of @​nodejs/security-wg and people with triage or higher on nodejs/security-wg.",
]
`);

  const misspelt = await comment("RafaelGSS", "I'll take this one.\n/agenda ad #1263\n/cc @mhdawson");
  expect(misspelt.reactions).toEqual([]);
  expect(misspelt.replies).toMatchInlineSnapshot(`
[
  "> /agenda ad #​1263

"ad" is not a /agenda command. Did you mean \`/agenda add <ref>...\`? (\`/help\` lists every command.)",
]
`);
  expect(labelsOf("security-wg", 1263)).toEqual([]);
});

test("a redelivered comment runs once, an edited comment runs nothing, and a comment on another issue is ignored", async () => {
  const { e2e } = stage;
  e2e.faults({ duplicate: true });
  const redelivered = await comment("RafaelGSS", "/agenda add nodejs/node#52575");
  expect(e2e.deliveries().filter((delivery) => delivery.event === "issue_comment").length).toBeGreaterThanOrEqual(2);
  expect(redelivered.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(redelivered.replies).toHaveLength(1);
  e2e.faults({ duplicate: false });

  const writes = e2e.appWrites().length;
  const { id } = await comment("RafaelGSS", "See you all on Thursday.");
  await e2e.as("RafaelGSS").rest.issues.updateComment({ owner: "nodejs", repo: "security-wg", comment_id: id, body: "/meeting cancel" });
  await comment("RafaelGSS", "/meeting cancel", 1263);
  await e2e.settle();
  expect(e2e.appWrites().slice(writes)).toEqual([]);
  expect(e2e.issue(HOME, meetingNumber).state).toBe("open");
  expect(e2e.issue(HOME, 1263).state).toBe("open");
  expect(meetingIssues(e2e)).toHaveLength(1);
});

test("/agenda add of two items, GitHub failing on the first past Probot's retries: the second is added and the reply tells both", async () => {
  stage.e2e.failRequests({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/labels", kind: "server-error", times: 4 });
  const { replies } = await comment("RafaelGSS", "/agenda add #1263 nodejs/node#52575");
  expect(replies).toEqual([
    "> /agenda add #\u200B1263 nodejs/node#\u200B52575\n\n" +
      "Added to the agenda:\n- nodejs/node#52575: Remove --experimental-policy\n\n" +
      "Not added:\n- nodejs/security-wg#1263: failed on an unexpected error, which the app has logged; it may have changed all the same.",
  ]);
  expect(labelsOf("node", 52575)).toEqual([LABEL]);
  expect(labelsOf("security-wg", 1263)).toEqual([]);
  expect(agendaItems(meetingIssue(stage.e2e))).toContain("nodejs/node#52575");
});

test("a comment deleted before its webhook is handled runs nothing: no claim, reaction, reply or change", async () => {
  const { e2e } = stage;
  const writes = e2e.appWrites().length;
  // The comment's created webhook is held until its deleted one comes, then sent after it: the app handles a comment that is gone.
  e2e.faults({ reverseBatch: 2 });
  const { data } = await e2e.as("RafaelGSS").rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: meetingNumber, body: "/meeting cancel" });
  await e2e.as("RafaelGSS").rest.issues.deleteComment({ owner: "nodejs", repo: "security-wg", comment_id: data.id });
  await e2e.settle();
  e2e.faults({ reverseBatch: 0 });
  expect(e2e.deliveries().filter((delivery) => delivery.event === "issue_comment").map((delivery) => [delivery.payload["action"], delivery.state])).toEqual([
    ["created", "answered"],
    ["deleted", "answered"],
  ]);
  expect(e2e.appWrites().slice(writes)).toEqual([]);
  expect(e2e.issue(HOME, meetingNumber).state).toBe("open");
});

test("a rescheduled occurrence is frozen and gets its minutes at its new time, under its new date; another occurrence's date is refused", async () => {
  const { e2e } = stage;
  expect((await comment("RafaelGSS", "/meeting reschedule 2024-04-11 16:00")).replies).toEqual([
    "> /meeting reschedule 2024-04-11 16:00\n\nNothing changed: The meeting already takes place on 2024-04-11; move the occurrence to a day of its own.",
  ]);
  await comment("RafaelGSS", "/meeting reschedule 2024-03-29 18:00 Europe/Berlin");
  expect(meetingIssue(e2e).title).toBe("Node.js Security team Meeting 2024-03-29");

  // 18:00 in Berlin is 17:00 UTC. The old time passes without a freeze or minutes.
  e2e.clock.set("2024-03-28T17:30:00Z");
  expect(stepsDone(await stage.tick())).toEqual([]);
  e2e.clock.set("2024-03-29T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  e2e.clock.set("2024-03-29T18:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["open-minutes 2024-03-28"]);
  expect(stage.e2e.pullRequests(HOME).map((pull) => `${pull.title} (${pull.pullRequest.head.ref})`)).toMatchInlineSnapshot(`
[
  "Minutes: Node.js Security team 2024-03-29 (agenda-drafter/security-wg/2024-03-29)",
]
`);
  expect(e2e.file(HOME, "meetings/2024-03-29.md", "agenda-drafter/security-wg/2024-03-29")).toContain("Node.js Security team Meeting 2024-03-29");
});

test("a steerer's /agenda add that brings the agenda to 200 items refreshes the meeting issue within GitHub's limit, the agenda saying how many items are not shown", async () => {
  const { e2e } = stage;
  const node = e2e.sandbox.state.repos.get("nodejs/node");
  if (!node) throw new Error("the snapshot has no nodejs/node");
  if (!node.labels.has(LABEL)) throw new Error(`the snapshot's nodejs/node has no ${LABEL} label`);
  const numbers = Array.from({ length: 200 }, (_, index) => 60_000 + index);
  // Long titles (GitHub allows 256 characters): 200 of them are far more than one issue body holds.
  const title = (number: number) => `Item ${number}: ${"a long and careful description of what the group should decide ".repeat(4)}`.slice(0, 250);
  // 180 were labelled earlier, without a webhook the app saw; a comment names at most 20 items,
  // and the steerer's one comment adds the last 20.
  const [labelledEarlier, added] = [numbers.slice(0, 180), numbers.slice(180)];
  for (const number of numbers) {
    const labels = labelledEarlier.includes(number) ? [LABEL] : [];
    node.issues.set(number, { ...structuredClone(e2e.issue("nodejs/node", 52575)), id: number, number, title: title(number), labels });
  }
  const reply = await comment("RafaelGSS", `/agenda add ${added.map((number) => `nodejs/node#${number}`).join(" ")}`);
  expect(reply.replies.join("\n")).not.toContain("unexpected error");
  expect(reply.reactions).toEqual(["agenda-drafter[bot]: +1"]);
  expect(numbers.every((number) => labelsOf("node", number).includes(LABEL))).toBe(true);
  const issue = meetingIssue(e2e);
  expect((issue.body ?? "").length).toBeLessThanOrEqual(65_536);
  const shown = agendaItems(issue).filter((key) => key.startsWith("nodejs/node#6"));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(200);
  expect(issue.body).toContain(`*Not shown here, to stay within GitHub's 65,536 characters: ${200 - shown.length} more labelled items, the oldest of the longest lists.`);
});

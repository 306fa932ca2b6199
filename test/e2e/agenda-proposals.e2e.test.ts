// People who cannot label items propose them on the meeting issue; a steerer adds or declines
// each, and the proposer hears of it either way. One meeting issue, one story, in order: each
// test goes on from where the one before left it.
import type { CommentRecord } from "@agenda-drafter/github-sandbox";
import { agendaText, control, HOME, meetingIssue, stateOf } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { visibleText } from "../fixtures/visible-text.js";

const LABEL = "security-wg-agenda";
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";
const ZWSP = "\u200B";

// RafaelGSS is in the invited team (a steerer); marco-ippolito has triage; aduh95 may read the
// home repo; evil-stranger is nobody to the org.
const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
users:
  RafaelGSS: { name: Rafael Gonzaga }
  marco-ippolito: { name: Marco Ippolito }
  targos: { name: Michaël Zasso }
  aduh95: { name: Antoine du Hamel }
  evil-stranger: { name: null }
orgs:
  nodejs:
    owners: [RafaelGSS]
    members: [RafaelGSS, marco-ippolito, targos, aduh95]
    teams:
      security-wg: { name: Security WG, members: [RafaelGSS] }
    repos:
      security-wg:
        collaborators: { RafaelGSS: triage, marco-ippolito: triage, targos: write, aduh95: read }
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
          - { number: 1263, title: "Automate the security release announcement", author: marco-ippolito, created_at: "2024-02-20T10:31:05Z" }
      node:
        collaborators: { marco-ippolito: triage }
        labels:
          security-wg-agenda: { color: "5319e7" }
        issues:
          - { number: 52575, title: "Remove --experimental-policy", author: RafaelGSS, created_at: "2024-03-22T12:04:31Z" }
          - { number: 52459, title: "tools: change inactive limit to 9 months", pull_request: true, author: targos, created_at: "2024-03-11T18:22:40Z" }
          - { number: 52600, title: "Audit the permission model", author: aduh95, created_at: "2024-03-24T08:00:00Z" }
          - { number: 52601, title: "An old closed thing", state: closed, author: aduh95, created_at: "2024-03-01T08:00:00Z" }
          - { number: 52602, title: "Drop the @nodejs/crypto OpenSSL 1.1 shim", author: targos, created_at: "2024-03-25T08:00:00Z" }
          - { number: 52610, title: "Retire the old CI matrix", author: targos, created_at: "2024-03-25T09:00:00Z" }
          - { number: 52611, title: "Fetch's redirect handling", author: targos, created_at: "2024-03-25T10:00:00Z" }
      undici:
        issues:
          - { number: 3000, title: "Fetch spec conformance", author: targos, created_at: "2024-03-21T08:00:00Z" }
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
beforeAll(async () => {
  stage = await startDrafter(SNAPSHOT);
  meetingNumber = meetingIssue(stage.e2e).number;
});
afterAll(async () => stage?.e2e.close());

/** Comments as `login`, lets the app answer, and returns the app's replies as posted (mentions and all). */
async function comment(login: string, body: string): Promise<string[]> {
  return repliesTo(async () => {
    await stage.e2e.as(login).rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: meetingNumber, body });
  });
}

/** What the app commented on the meeting issue after `act`, once everything settled. */
async function repliesTo(act: () => Promise<unknown>): Promise<string[]> {
  const { e2e } = stage;
  const before = e2e.comments(HOME, meetingNumber).length;
  await act();
  await e2e.settle();
  return e2e
    .comments(HOME, meetingNumber)
    .slice(before)
    .filter((reply: CommentRecord) => reply.author === "agenda-drafter[bot]")
    .map((reply: CommentRecord) => visibleText(reply.body));
}

/** The issue's Proposed list, as people read it. */
function proposedList(): string {
  const agenda = agendaText(meetingIssue(stage.e2e));
  const at = agenda.indexOf("### Proposed");
  if (at < 0) return "";
  // Up to the next section (the invited members follow it in the default layout).
  const next = agenda.indexOf("\n### ", at + 1);
  return agenda.slice(at, next < 0 ? undefined : next).trim();
}

/** Live mentions of people: an `@` not followed by the zero-width space that breaks one. */
function liveMentions(text: string): string[] {
  return [...text.matchAll(/(?<![\w`])@([A-Za-z0-9-]+)/g)].map((match) => match[1] as string);
}

test("anyone who may comment proposes an item with a reason; it is listed under Proposed, inert, and not labelled", async () => {
  const replies = await comment("evil-stranger", "/agenda propose nodejs/node#52575 @everyone see <img src=x> and [x](javascript:alert(1)) #1263");
  expect(replies).toEqual([
    // The command's words are what GitHub shows: the tag is no text.
    "> /agenda propose nodejs/node#\u200B52575 @\u200Beveryone see  and \\[x\\](javascript:alert(1)) #\u200B1263\n\n" +
      "Proposed for the agenda:\n- nodejs/node#52575: Remove --experimental-policy\n\n" +
      "People who may steer this meeting add it with `/agenda add` or decline it with `/agenda decline`; you will get a reply either way.",
  ]);
  expect(stage.e2e.issue("nodejs/node", 52575).labels).toEqual([]);
  expect(proposedList()).toBe(
    "### Proposed\n\n* Remove --experimental-policy [#52575](https://github.com/nodejs/node/issues/52575) (nodejs/node), " +
      `proposed by @${ZWSP}evil-stranger: @${ZWSP}everyone see and \\[x\\](javascript:alert(1)) #${ZWSP}1263`,
  );
  // The issue's agenda now has two sections, so each gets its heading.
  expect(agendaText(meetingIssue(stage.e2e))).toContain("### Announcements");
  expect(liveMentions(agendaText(meetingIssue(stage.e2e)))).toEqual([]);
  expect(stateOf(meetingIssue(stage.e2e))?.proposals).toEqual([
    expect.objectContaining({ repo: "nodejs/node", number: 52575, by: "evil-stranger", at: "2024-03-26T09:00:00.000Z" }),
  ]);
});

test("a private item is answered as a missing one; a closed item, one on the agenda and one proposed already are not proposed", async () => {
  const [secret] = await comment("evil-stranger", "/agenda propose nodejs/security-advisories#41");
  expect(secret).toContain("is not an item this meeting can show: it does not exist, the app cannot see it, or its repository is not public");
  const [missing] = await comment("evil-stranger", "/agenda propose nodejs/node#99999");
  expect(missing).toContain("nodejs/node#99999 does not exist.");
  const [closed] = await comment("aduh95", "/agenda propose nodejs/node#52601");
  expect(closed).toContain("Nothing changed: nodejs/node#52601 is closed; only open items are on the agenda.");
  const [labelled] = await comment("aduh95", "/agenda propose #1255");
  expect(labelled).toContain("Already on the agenda:\n- nodejs/security-wg#1255: Node.js Security Initiatives 2024");
  const [twice] = await comment("aduh95", "/agenda propose https://github.com/nodejs/node/issues/52575");
  expect(twice).toContain("Nothing changed: nodejs/node#52575 is proposed already and waits for a steerer.");
  expect(proposedList()).not.toContain("llhttp");
  expect(meetingIssue(stage.e2e).body).not.toContain("security-advisories");
  expect(stateOf(meetingIssue(stage.e2e))?.proposals).toHaveLength(1);
});

test("each person proposes at most 2 an hour and 3 a meeting; the answer says when they can again", async () => {
  // Several in one comment count one by one.
  const [hourly] = await comment("evil-stranger", "/agenda propose #1263\n\n/agenda propose nodejs/node#52459 please");
  expect(hourly).toContain("Proposed for the agenda:\n- nodejs/security-wg#1263");
  expect(hourly).toContain(
    "Nothing changed: you have made 2 proposals within the hour, the most one person may; you can propose again from 2024-03-26 10:00 UTC.",
  );
  stage.e2e.clock.set("2024-03-26T10:00:00Z");
  expect((await comment("evil-stranger", "/agenda propose nodejs/node#52459 please"))[0]).toContain("Proposed for the agenda:");
  stage.e2e.clock.set("2024-03-26T12:00:00Z");
  const [most] = await comment("evil-stranger", "/agenda propose nodejs/node#52600");
  expect(most).toContain("Nothing changed: you have made 3 proposals for this meeting, the most one person may; propose again on the next meeting's issue.");
  expect(proposedList().match(/proposed by/g)).toHaveLength(3);
});

test("editing a comment, or deleting it and posting it again, proposes no more: the limits count what the state recorded", async () => {
  const { e2e } = stage;
  const own = e2e.comments(HOME, meetingNumber).filter((posted: CommentRecord) => posted.author === "evil-stranger");
  const first = own[0] as CommentRecord;
  const edited = await repliesTo(() =>
    e2e.as("evil-stranger").rest.issues.updateComment({ owner: "nodejs", repo: "security-wg", comment_id: first.id, body: "/agenda propose nodejs/node#52600" }),
  );
  expect(edited).toEqual([]);
  // Deleted, it runs nothing and takes back nothing it proposed.
  const appReplies = () => e2e.comments(HOME, meetingNumber).filter((posted: CommentRecord) => posted.author === "agenda-drafter[bot]").length;
  const repliesBefore = appReplies();
  await e2e.as("evil-stranger").rest.issues.deleteComment({ owner: "nodejs", repo: "security-wg", comment_id: first.id });
  await e2e.settle();
  expect(e2e.comments(HOME, meetingNumber).some((posted: CommentRecord) => posted.id === first.id)).toBe(false);
  expect(e2e.deliveries().some((delivery) => delivery.event === "issue_comment" && delivery.payload["action"] === "deleted")).toBe(true);
  expect(appReplies()).toBe(repliesBefore);
  expect(stateOf(meetingIssue(e2e))?.proposals).toHaveLength(3);
  // Posted again, the same command is a new proposal, and the limits count the earlier ones.
  const [again] = await comment("evil-stranger", "/agenda propose nodejs/node#52600");
  expect(again).toContain("Nothing changed: you have made 3 proposals for this meeting, the most one person may");
  expect(stateOf(meetingIssue(e2e))?.proposals).toHaveLength(3);
});

test("a person's edit of the body keeps the proposals", async () => {
  const { e2e } = stage;
  const body = meetingIssue(e2e).body;
  await e2e.as("targos").rest.issues.update({ owner: "nodejs", repo: "security-wg", issue_number: meetingNumber, body: `Notes from targos.\n\n${body}` });
  await e2e.settle();
  expect(meetingIssue(e2e).body?.startsWith("Notes from targos.")).toBe(true);
  expect(stateOf(meetingIssue(e2e))?.proposals).toHaveLength(3);
  expect(proposedList().match(/proposed by/g)).toHaveLength(3);
});

test("a proposed item whose repository is made private leaves the Proposed list", async () => {
  const { e2e } = stage;
  expect((await comment("targos", "/agenda propose nodejs/undici#3000"))[0]).toContain("Proposed for the agenda:");
  expect(proposedList()).toContain("Fetch spec conformance");
  await e2e.as("RafaelGSS").rest.repos.update({ owner: "nodejs", repo: "undici", private: true });
  await e2e.settle();
  expect(proposedList()).not.toContain("Fetch spec conformance");
  expect(agendaText(meetingIssue(e2e))).not.toContain("undici");
  expect(proposedList().match(/proposed by/g)).toHaveLength(3);
});

test("/agenda add of a proposed item labels it, takes it off Proposed and mentions its proposer once, in a notice of its own", async () => {
  const replies = await comment("RafaelGSS", "/agenda add nodejs/node#52575");
  expect(replies).toEqual([
    `@evil-stranger: your proposal of Remove --experimental-policy (nodejs/node#52575) is on the agenda, added by @${ZWSP}RafaelGSS.`,
    "> /agenda add nodejs/node#\u200B52575\n\nAdded to the agenda:\n- nodejs/node#52575: Remove --experimental-policy",
  ]);
  expect(replies.flatMap(liveMentions)).toEqual(["evil-stranger"]);
  expect(stage.e2e.issue("nodejs/node", 52575).labels).toEqual([LABEL]);
  expect(proposedList()).not.toContain("#52575");
  expect(agendaText(meetingIssue(stage.e2e))).toContain("Remove --experimental-policy [#52575]");
});

test("only steerers decline; a declined item tells its proposer, leaves Proposed and is not proposed again for this meeting", async () => {
  const [refused] = await comment("aduh95", "/agenda decline #1263");
  expect(refused).toContain("Nothing changed: only people who may steer this meeting can do this");
  // The notice to the proposer, naming the steerer, is the command's one answer.
  const declined = await comment("marco-ippolito", "/agenda decline #1263 Covered by @nodejs/releasers in #1255");
  expect(declined).toEqual([
    `@evil-stranger: your proposal of Automate the security release announcement (nodejs/security-wg#1263) is declined for this meeting by @${ZWSP}marco-ippolito. ` +
      `The reason given: Covered by @${ZWSP}nodejs/releasers in #${ZWSP}1255`,
  ]);
  expect(declined.flatMap(liveMentions)).toEqual(["evil-stranger"]);
  expect(proposedList()).not.toContain("#1263");
  const [again] = await comment("aduh95", "/agenda propose #1263");
  expect(again).toContain("Nothing changed: nodejs/security-wg#1263 was declined for this meeting; propose it again on the next meeting's issue.");
  const [none] = await comment("marco-ippolito", "/agenda decline nodejs/node#52600");
  expect(none).toContain("Nothing changed: nodejs/node#52600 has no proposal waiting on this meeting's issue.");
});

test("a proposed item someone labels moves from Proposed to the agenda, and its proposer is told once", async () => {
  const { e2e } = stage;
  const told = await repliesTo(() => e2e.as("marco-ippolito").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52459, labels: [LABEL] }));
  expect(told).toEqual(["@evil-stranger: your proposal of tools: change inactive limit to 9 months (nodejs/node#52459) is on the agenda: it was labelled in its repository."]);
  expect(liveMentions(told[0] as string)).toEqual(["evil-stranger"]);
  expect(proposedList()).toBe("");
  expect(agendaText(meetingIssue(e2e))).toContain("tools: change inactive limit to 9 months [#52459]");
  expect(stateOf(meetingIssue(e2e))?.proposals?.find((record) => record.number === 52459)).toEqual({
    repo: "nodejs/node",
    number: 52459,
    by: "evil-stranger",
    at: "2024-03-26T10:00:00.000Z",
    decided: { outcome: "added", by: "", via: "label", at: "2024-03-26T12:00:00.000Z" },
  });
  // A refresh, the tick and a redelivered webhook find it decided: nobody is told twice.
  expect(await comment("RafaelGSS", "/agenda refresh")).toEqual([]);
  expect(await repliesTo(() => stage.tick())).toEqual([]);
});

test("the label taken off again leaves the decision as it was: the item is off the agenda and not proposed again", async () => {
  const { e2e } = stage;
  expect(await repliesTo(() => e2e.as("marco-ippolito").rest.issues.removeLabel({ owner: "nodejs", repo: "node", issue_number: 52459, name: LABEL }))).toEqual([]);
  expect(proposedList()).toBe("");
  expect(agendaText(meetingIssue(e2e))).not.toContain("#52459");
  expect(stateOf(meetingIssue(e2e))?.proposals?.find((record) => record.number === 52459)?.decided?.outcome).toBe("added");
});

test("a proposed item closed before a decision leaves Proposed, and its proposer is told once", async () => {
  const { e2e } = stage;
  expect((await comment("targos", "/agenda propose nodejs/node#52602"))[0]).toContain("Proposed for the agenda:");
  const told = await repliesTo(async () => {
    await e2e.as("RafaelGSS").rest.issues.update({ owner: "nodejs", repo: "node", issue_number: 52602, state: "closed" });
    await e2e.settle();
    await stage.tick();
  });
  expect(told).toEqual([
    `@targos: your proposal of Drop the @${ZWSP}nodejs/crypto OpenSSL 1.1 shim (nodejs/node#52602) is withdrawn: the item was closed, deleted or transferred before a steerer decided on it.`,
  ]);
  expect(liveMentions(told[0] as string)).toEqual(["targos"]);
  expect(proposedList()).not.toContain("#52602");
  expect(stateOf(meetingIssue(e2e))?.proposals?.find((record) => record.number === 52602)?.decided).toEqual(
    expect.objectContaining({ outcome: "declined", via: "gone" }),
  );
  expect(await repliesTo(() => stage.tick())).toEqual([]);
});

test.each([
  { what: "deleted", proposer: "marco-ippolito", number: 52610, title: "Retire the old CI matrix", act: () => control(stage.e2e, "DELETE", "/repos/nodejs/node/issues/52610", { sender: "RafaelGSS" }) },
  {
    what: "transferred to another repository",
    proposer: "RafaelGSS",
    number: 52611,
    title: "Fetch's redirect handling",
    act: () => control(stage.e2e, "POST", "/repos/nodejs/node/issues/52611/transfer", { to: "nodejs/undici", sender: "RafaelGSS" }),
  },
])("a proposed item $what before a decision leaves Proposed, and its proposer is told once", async ({ proposer, number, title, act }) => {
  expect((await comment(proposer, `/agenda propose nodejs/node#${number}`))[0]).toContain("Proposed for the agenda:");
  const told = await repliesTo(async () => {
    await act();
    await stage.e2e.settle();
    await stage.tick();
  });
  expect(told).toEqual([
    `@${proposer}: your proposal of ${title} (nodejs/node#${number}) is withdrawn: the item was closed, deleted or transferred before a steerer decided on it.`,
  ]);
  expect(proposedList()).not.toContain(`#${number}`);
  expect(stateOf(meetingIssue(stage.e2e))?.proposals?.find((record) => record.number === number)?.decided).toEqual(
    expect.objectContaining({ outcome: "declined", via: "gone" }),
  );
  expect(await repliesTo(() => stage.tick())).toEqual([]);
});

test("proposals not decided by the start are listed in the minutes; none are taken after it", async () => {
  const { e2e } = stage;
  expect((await comment("aduh95", "/agenda propose nodejs/node#52600 Worth an hour"))[0]).toContain("Proposed for the agenda:");
  e2e.clock.set("2024-03-28T16:30:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  const [started] = await comment("targos", "/agenda propose #1263");
  expect(started).toContain("Nothing changed: this meeting has started and its agenda is frozen; propose on the next meeting's issue.");
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["open-minutes 2024-03-28"]);
  const minutes = e2e.file(HOME, "meetings/2024-03-28.md", MINUTES_BRANCH) ?? "";
  expect(minutes).toContain(
    `## Proposed\n\n* Audit the permission model [#52600](https://github.com/nodejs/node/issues/52600) (nodejs/node), proposed by @${ZWSP}aduh95: Worth an hour\n`,
  );
  expect(minutes.indexOf("## Proposed")).toBeGreaterThan(minutes.indexOf("## Announcements"));
  expect(minutes.indexOf("## Proposed")).toBeLessThan(minutes.indexOf("## Q&A, Other"));
});

test("closing the meeting issue deletes the claims of its proposals' decisions: they guard nothing once no proposal is decided", async () => {
  const { e2e } = stage;
  const issueNumber = meetingIssue(e2e).number;
  const [owner = "", repo = ""] = HOME.split("/");
  const claims = async () =>
    (await e2e.as("RafaelGSS").rest.git.listMatchingRefs({ owner, repo, ref: `agenda-drafter-proposals/${issueNumber}-` })).data.map((ref) => ref.ref);
  expect((await claims()).length).toBeGreaterThan(0);

  // The next meeting's issue is created two days before it, and this one is closed for it.
  e2e.clock.set("2024-04-09T16:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["create-issue 2024-04-11", "close-issue 2024-03-28 for 2024-04-11"]);
  expect(e2e.issue(HOME, issueNumber).state).toBe("closed");
  expect(await claims()).toEqual([]);
});

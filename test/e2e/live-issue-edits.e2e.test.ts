// People edit the meeting issue freely: the app changes only its own parts, puts back an edit it
// overwrote, and repairs its markers in place.
import { parseBody } from "../../src/publish/issue-body.js";
import type { E2E } from "./harness.js";
import { agendaItems, HOME, meetingIssue, startLiveIssueApp, stateOf, writeLines } from "./live-issue-app.js";

const LABEL = "security-wg-agenda";
const [OWNER, REPO] = HOME.split("/") as [string, string];
let e2e: E2E;
afterEach(async () => e2e?.close());

function editBody(login: string, number: number, edit: (body: string) => string) {
  const body = e2e.issue(HOME, number).body ?? "";
  return e2e.as(login).rest.issues.update({ owner: OWNER, repo: REPO, issue_number: number, body: edit(body) });
}

const JOINING_LINK = "* Zoom: https://zoom.us/j/97865103457 (passcode in the calendar invite)";
const NOTE = "**Note:** Rafael presents the 2024 initiatives first; Ulises has 10 minutes on the release automation.";

test("a person's edit outside the markers survives ten refreshes", async () => {
  e2e = await startLiveIssueApp();
  const { number } = meetingIssue(e2e);
  await editBody("mhdawson", number, (body) =>
    body
      .replace("* The joining link will be shared here before the meeting.", JOINING_LINK)
      .replace("## Agenda\n", `## Agenda\n\n${NOTE}\n`),
  );
  await e2e.settle();

  for (let refresh = 0; refresh < 10; refresh++) {
    e2e.clock.advance("PT1M");
    const rafael = e2e.as("RafaelGSS").rest.issues;
    const item = { owner: "nodejs", repo: "undici", issue_number: 3054 };
    await (refresh % 2 === 0 ? rafael.addLabels({ ...item, labels: [LABEL] }) : rafael.removeLabel({ ...item, name: LABEL }));
    await e2e.settle();
    const body = e2e.issue(HOME, number).body ?? "";
    expect(body).toContain(JOINING_LINK);
    expect(body).toContain(`## Agenda\n\n${NOTE}\n\n<!-- agenda-drafter:agenda:start -->`);
    expect(agendaItems(e2e.issue(HOME, number)).includes("nodejs/undici#3054")).toBe(refresh % 2 === 0);
  }
  expect(e2e.issue(HOME, number).body).not.toContain("The joining link will be shared here");
});

test("a person's edit made between the app's read and its write is put back", async () => {
  e2e = await startLiveIssueApp();
  const { number } = meetingIssue(e2e);
  const before = e2e.appWrites().length;

  // The moment the app has read the body for its next write, Michael saves his edit.
  let armed = true;
  const stop = e2e.sandbox.onRequest((request) => {
    if (!armed || request.actor.kind !== "installation" || request.method !== "GET" || request.path !== `/repos/${HOME}/issues/${number}`) return;
    armed = false;
    const edited = (e2e.issue(HOME, number).body ?? "").replace("* The joining link will be shared here before the meeting.", JOINING_LINK);
    void e2e.sandbox.handle(
      new Request(`${e2e.url}/api/v3/repos/${HOME}/issues/${number}`, {
        method: "PATCH",
        headers: { authorization: "token user:mhdawson", "content-type": "application/json" },
        body: JSON.stringify({ body: edited }),
      }),
    );
  });
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: [LABEL] });
  await e2e.settle();
  stop();

  expect(armed).toBe(false);
  const issue = e2e.issue(HOME, number);
  expect(issue.body).toContain(JOINING_LINK);
  expect(agendaItems(issue)).toContain("nodejs/node#52575");
  // The refresh overwrote the edit; the webhook of that write showed it, and the app put it back.
  expect(writeLines(e2e, before)).toEqual([`PATCH /repos/${HOME}/issues/${number} 200`, `PATCH /repos/${HOME}/issues/${number} 200`]);
});

test("a deleted marker or state block is repaired in place, never answered with a second issue", async () => {
  e2e = await startLiveIssueApp();
  const { number } = meetingIssue(e2e);

  await editBody("mhdawson", number, (body) => body.replace(/<!-- agenda-drafter:meeting .*? -->\n/, ""));
  await e2e.settle();
  expect(parseBody(e2e.issue(HOME, number).body).marker).toEqual({ v: 1, meeting: "security-wg", occurrence: "2024-03-28" });

  await editBody("mhdawson", number, (body) => body.replace(/<!-- agenda-drafter:state .*? -->/, "<!-- agenda-drafter:state bm90IGEgc3RhdGU -->"));
  await e2e.settle();
  expect(stateOf(e2e.issue(HOME, number))?.agendaItems).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255"]);

  // Everything the app owns deleted at once: the claim ref still says which issue is the occurrence's.
  await editBody("mhdawson", number, (body) => `${parseBody(body).human.replace(/<!-- agenda-drafter:agenda:(start|end) -->\n?/g, "")}\n`);
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "undici", issue_number: 3054, labels: [LABEL] });
  await e2e.settle();
  const repaired = e2e.issue(HOME, number);
  expect(parseBody(repaired.body).marker).toEqual({ v: 1, meeting: "security-wg", occurrence: "2024-03-28" });
  expect(agendaItems(repaired)).toEqual(["nodejs/nodejs-dependency-vuln-assessments#178", "nodejs/security-wg#1255", "nodejs/undici#3054"]);
  expect(e2e.issues(HOME).filter((issue) => issue.title === "Node.js Security team Meeting 2024-03-28")).toHaveLength(1);
});

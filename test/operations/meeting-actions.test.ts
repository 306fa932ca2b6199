import nock from "nock";
import { createMeetingActions } from "../../src/operations/meeting-actions.js";
import { UserError } from "../../src/errors.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { API, TestOctokit } from "../app/harness.js";
import { FROZEN, ISSUE_NUMBER, meetingIssue, meetingIssueBody, quietLog, stateOf } from "../app/meeting-issue-fixture.js";
import { withTestSigner } from "../fixtures/state-signer.js";
import { visibleText } from "../fixtures/visible-text.js";

const REPO = "/repos/nodejs/security-wg";
const PULL_URL = "https://github.com/nodejs/security-wg/pull/1265";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function actions(meeting = securityWgMeeting()) {
  return createMeetingActions({
    octokit: withTestSigner(new TestOctokit({ auth: "ghs_test" })) as never,
    meeting,
    issueNumber: ISSUE_NUMBER,
    scheduled: march28,
    commenter: "RafaelGSS",
    now: new Date("2024-03-26T10:00:00Z"),
    log: quietLog,
  });
}

function readIssue(scope: nock.Scope, body: string, times = 1) {
  return scope.get(`${REPO}/issues/${ISSUE_NUMBER}`).times(times).reply(200, meetingIssue(body));
}

describe("cancel", () => {
  test("says so in the issue's time table and state, comments with the reason and closes the issue as not planned", async () => {
    const body = meetingIssueBody();
    const sent: Record<string, unknown>[] = [];
    const scope = nock(API);
    // The issue to cancel, and once more for the claims of its decided proposals (none) before the close.
    readIssue(scope, body, 3);
    scope
      .patch(`${REPO}/issues/${ISSUE_NUMBER}`, (request) => (sent.push(request), true))
      .twice()
      .reply(200, {})
      .post(`${REPO}/issues/${ISSUE_NUMBER}/comments`, (request) => (sent.push(request), true))
      .reply(201, {});

    await actions().cancel("Most of us are at the @nodejs collaborator summit");

    expect(scope.pendingMocks()).toEqual([]);
    const [written, comment, close] = sent as [{ body: string }, { body: string }, Record<string, unknown>];
    expect(stateOf(written.body)?.cancelled).toEqual({ at: "2024-03-26T10:00:00.000Z", reason: "Most of us are at the @nodejs collaborator summit" });
    expect(written.body).toContain("**This meeting is cancelled.**");
    expect(visibleText(comment.body)).toMatchInlineSnapshot(`
"The meeting of 2024-03-28 is cancelled (asked by @​RafaelGSS). The reason given: Most of us are at the @​nodejs collaborator summit

No minutes will be opened; items on this agenda go to the next meeting."
`);
    expect(close).toEqual({ state: "closed", state_reason: "not_planned" });
  });

  test("in a dry run, writes nothing", async () => {
    const scope = nock(API);
    readIssue(scope, meetingIssueBody(), 2);
    await actions(securityWgMeeting({ dryRun: true })).cancel(undefined);
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("reschedule", () => {
  function listIssues(scope: nock.Scope, issues: unknown[]) {
    return scope.get(`${REPO}/issues`).query(true).reply(200, issues);
  }

  test("moves the time table, the state and the title; the occurrence keeps its key", async () => {
    const body = meetingIssueBody();
    const patches: { body?: string; title?: string }[] = [];
    const scope = nock(API);
    listIssues(scope, [meetingIssue(body)]);
    readIssue(scope, body);
    scope.patch(`${REPO}/issues/${ISSUE_NUMBER}`, (request) => (patches.push(request), true)).twice().reply(200, {});

    expect(await actions().reschedule(new Date("2024-03-29T17:00:00Z"), "UTC")).toEqual({});

    expect(scope.pendingMocks()).toEqual([]);
    const [state, title] = patches;
    expect(stateOf(state?.body ?? "")).toMatchObject({ occurrence: "2024-03-28", reschedule: { start: "2024-03-29T17:00:00.000Z", zone: "UTC" } });
    expect(state?.body).toContain("**UTC Fri 29-Mar-2024 17:00**");
    expect(state?.body).not.toContain("28-Mar-2024");
    expect(title).toEqual({ title: "Node.js Security team Meeting 2024-03-29" });
  });

  test("keeps a title people changed", async () => {
    const body = meetingIssueBody();
    const patches: unknown[] = [];
    const scope = nock(API);
    listIssues(scope, [meetingIssue(body, { title: "Security WG: the policy removal" })]);
    readIssue(scope, body);
    scope.patch(`${REPO}/issues/${ISSUE_NUMBER}`, (request) => (patches.push(request), true)).reply(200, {});

    await actions().reschedule(new Date("2024-03-29T17:00:00Z"), "UTC");

    expect(patches).toHaveLength(1);
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("is refused once the agenda is frozen, and onto a date another occurrence was moved to", async () => {
    const frozen = nock(API);
    listIssues(frozen, [meetingIssue(meetingIssueBody({ frozen: FROZEN }))]);
    expect(await actions().reschedule(new Date("2024-03-29T17:00:00Z"), "UTC")).toEqual({
      refused: "This meeting has started already; its time can no longer change.",
    });

    // The next occurrence's issue, moved onto 2024-03-29 by an earlier command.
    const movedThere = meetingIssueBody({ reschedule: { start: "2024-03-29T16:00:00.000Z", zone: "UTC" } }, securityWgMeeting(), { number: 1270, occurrenceKey: "2024-04-11" });
    const taken = nock(API);
    listIssues(taken, [meetingIssue(meetingIssueBody()), meetingIssue(movedThere, { number: 1270, title: "Node.js Security team Meeting 2024-03-29" })]);
    expect(await actions().reschedule(new Date("2024-03-29T17:00:00Z"), "UTC")).toEqual({
      refused: "The meeting of 2024-04-11 was moved to 2024-03-29 already (#1270).",
    });
  });
});

describe("openMinutes", () => {
  test("a merged pull request is never opened again: the commenter is told", async () => {
    const body = meetingIssueBody({ frozen: FROZEN, minutes: { number: 1265, url: PULL_URL, state: "closed", frozenAgenda: true } });
    const scope = nock(API);
    readIssue(scope, body, 2);
    scope
      .get(REPO)
      .reply(200, { private: false })
      .get(`${REPO}/pulls`)
      .query(true)
      .reply(200, [{ number: 1265, state: "closed", merged_at: "2024-03-29T09:00:00Z", html_url: PULL_URL, head: { ref: "agenda-drafter/security-wg/2024-03-28" } }]);

    await expect(actions().openMinutes()).rejects.toEqual(new UserError(`The minutes pull request ${PULL_URL} is merged; it is never opened again.`));
  });

  test("a dry run is told, not written", async () => {
    const scope = nock(API);
    readIssue(scope, meetingIssueBody({ frozen: FROZEN }));
    scope
      .get(REPO)
      .reply(200, { private: false })
      .get(`${REPO}/pulls`)
      .query(true)
      .reply(200, [])
      .get(REPO)
      .reply(200, { default_branch: "main", html_url: "https://github.com/nodejs/security-wg" })
      .get(/\/git\/ref\//)
      .reply(404, { message: "Not Found" })
      .get(/\/contents\//)
      .query(true)
      .reply(404, { message: "Not Found" });

    await expect(actions(securityWgMeeting({ dryRun: true })).openMinutes()).rejects.toThrow("dry run");
  });
});

describe("recordAttendees", () => {
  test("before the minutes exist, adds the people not recorded yet to the issue's state", async () => {
    const body = meetingIssueBody({ attendees: [{ login: "RafaelGSS", name: "Rafael Gonzaga" }] });
    let written = "";
    const scope = nock(API);
    readIssue(scope, body);
    scope.patch(`${REPO}/issues/${ISSUE_NUMBER}`, (request) => ((written = request.body), true)).reply(200, {});

    await actions().recordAttendees([
      { login: "rafaelgss", name: "Rafael Gonzaga" },
      { login: "UlisesGascon", name: "Ulises Gascón" },
    ]);

    expect(stateOf(written)?.attendees).toEqual([
      { login: "RafaelGSS", name: "Rafael Gonzaga" },
      { login: "UlisesGascon", name: "Ulises Gascón" },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("people recorded already change nothing", async () => {
    const scope = nock(API);
    readIssue(scope, meetingIssueBody({ attendees: [{ login: "RafaelGSS", name: "Rafael Gonzaga" }] }));
    await actions().recordAttendees([{ login: "RafaelGSS", name: "Rafael Gonzaga" }]);
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("people recorded already, once the minutes pull request is open, do not draft the minutes again", async () => {
    // Any request beyond the one read of the issue would find no mock: nock refuses it.
    const scope = nock(API);
    const minutes = { number: 1265, url: PULL_URL, state: "open" as const, frozenAgenda: true };
    readIssue(scope, meetingIssueBody({ frozen: FROZEN, minutes, attendees: [{ login: "RafaelGSS", name: "Rafael Gonzaga" }] }));
    await actions().recordAttendees([{ login: "RafaelGSS", name: "Rafael Gonzaga" }]);
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("at most 200 people are recorded: more is someone filling the state, not attendance", async () => {
    const recorded = Array.from({ length: 199 }, (_, index) => ({ login: `person${index}`, name: null }));
    let written = "";
    const scope = nock(API);
    readIssue(scope, meetingIssueBody({ attendees: recorded }));
    scope.patch(`${REPO}/issues/${ISSUE_NUMBER}`, (request) => ((written = request.body), true)).reply(200, {});
    await actions().recordAttendees([
      { login: "UlisesGascon", name: "Ulises Gascón" },
      { login: "mallory", name: null },
    ]);
    expect(stateOf(written)?.attendees).toHaveLength(200);
    expect(stateOf(written)?.attendees?.at(-1)?.login).toBe("UlisesGascon");
    expect(scope.pendingMocks()).toEqual([]);
  });
});

import nock from "nock";
import { ProbotOctokit } from "probot";
import { handleCommandComment, type CommandComment } from "../../src/commands/handle-command-comment.js";
import { createCommandGitHub } from "../../src/operations/command-github.js";
import type { MeetingActions } from "../../src/operations/meeting-actions.js";
import type { GitHub } from "../../src/github.js";
import type { Meeting, Occurrence } from "../../src/model.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { visibleText } from "../fixtures/visible-text.js";

export const API = "https://api.github.com";
export const COMMENT_ID = 2_034_567_890;
export const MEETING_ISSUE = 1_301;

export function octokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
}

/** MeetingActions that record what was asked of them. */
export function fakeActions(overrides: Partial<MeetingActions> = {}) {
  const calls: unknown[][] = [];
  const record =
    <T>(name: string, result: T) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };
  const actions: MeetingActions = {
    refresh: record("refresh", undefined),
    cancel: record("cancel", undefined),
    reschedule: record("reschedule", {}),
    openMinutes: record("openMinutes", {
      pullRequestUrl: "https://github.com/nodejs/security-wg/pull/1302",
      regenerated: false,
      personPushed: false,
    }),
    recordAttendees: record("recordAttendees", undefined),
    propose: record("propose", {}),
    decideProposals: record("decideProposals", []),
    ...overrides,
  };
  return { actions, calls };
}

export interface Run {
  body: string;
  login?: string;
  type?: string;
  meeting?: Meeting;
  actions?: MeetingActions;
  claim?: CommandComment["claim"];
  /** The occurrence as the issue's state has it, when it differs from the schedule's (proposals pending). */
  occurrence?: Occurrence;
}

/** Handles one new comment on the Security WG's meeting issue of 2024-03-28, two days before. */
export function run({ body, login = "RafaelGSS", type = "User", meeting = securityWgMeeting(), actions, claim, occurrence = march28 }: Run) {
  const issue = { owner: "nodejs", repo: "security-wg", number: MEETING_ISSUE };
  return handleCommandComment({
    meeting,
    occurrence,
    issue,
    github: createCommandGitHub(octokit(), meeting, issue),
    webHost: "github.com",
    comment: { id: COMMENT_ID, body, user: { login, type } },
    actions: actions ?? fakeActions().actions,
    claim: claim ?? (async () => true),
    now: new Date("2024-03-26T09:00:00Z"),
  });
}

export const github = () => nock(API);

/** GitHub's answer for a collaborator permission: triage shows as `read`, only `role_name` tells. */
export function mockPermission(login: string, role: "admin" | "maintain" | "write" | "triage" | "read" | "none") {
  const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
  return github()
    .get(`/repos/nodejs/security-wg/collaborators/${login}/permission`)
    .reply(200, { permission, role_name: role, user: { login, type: "User" } });
}

export function mockTeam(team: string, login: string, state: "active" | "pending" | null) {
  const scope = github().get(`/orgs/nodejs/teams/${team}/memberships/${login}`);
  return state === null ? scope.reply(404, { message: "Not Found" }) : scope.reply(200, { state, role: "member", url: "" });
}

/** What a steerer's accepted command that names items reads first: the steerer's role, then (after the reaction) the public repositories. */
export function mockSteererReads(...publicRepos: string[]) {
  return [mockPermission("RafaelGSS", "admin"), mockReaction(), ...publicRepos.map((repo) => mockRepo(repo, "public"))];
}

export function mockReaction() {
  return github()
    .post(`/repos/nodejs/security-wg/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
    .reply(201, { id: 1, content: "+1" });
}

/** Expects one reply on the meeting issue and hands its body to `onBody`. */
export function mockReply(onBody: (body: string) => void) {
  return github()
    .post(`/repos/nodejs/security-wg/issues/${MEETING_ISSUE}/comments`, (request: { body: string }) => {
      onBody(visibleText(request.body));
      return true;
    })
    .reply(201, { id: 2_034_567_999 });
}

export function mockRepo(fullName: string, visibility: "public" | "private" | "internal") {
  return github()
    .get(`/repos/${fullName}`)
    .reply(200, { full_name: fullName, private: visibility !== "public", visibility, archived: false });
}

export function mockIssue(fullName: string, number: number, title: string, labels: string[], state: "open" | "closed" = "open") {
  return github()
    .get(`/repos/${fullName}/issues/${number}`)
    .reply(200, {
      number,
      title,
      state,
      repository_url: `https://api.github.com/repos/${fullName}`,
      html_url: `https://github.com/${fullName}/issues/${number}`,
      labels: labels.map((name, index) => ({ id: 600_000 + index, name, color: "ededed" })),
    });
}

// The Security WG's meeting issue of 2024-03-28 as the app writes it, for unit tests that nock
// the issue's reads and writes.
import type { Meeting } from "../../src/model.js";
import { parseBody } from "../../src/publish/issue-body.js";
import type { MeetingState } from "../../src/publish/meeting-state.js";
import { composeBody } from "../../src/publish/write-agenda.js";
import { renderMeeting } from "../../src/render/render-meeting.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { testSeal } from "../fixtures/state-signer.js";

export const ISSUE_NUMBER = 1260;
export const ISSUE_URL = `https://github.com/nodejs/security-wg/issues/${ISSUE_NUMBER}`;

const initiatives = {
  repo: "nodejs/security-wg" as const,
  number: 1255,
  kind: "issue" as const,
  title: "Node.js Security Initiatives 2024",
  url: "https://github.com/nodejs/security-wg/issues/1255",
  author: "RafaelGSS",
  labels: ["security-wg-agenda"],
  createdAt: "2024-01-09T14:02:11Z",
  updatedAt: "2024-03-27T10:00:00Z",
};

/** The agenda frozen at the meeting's start: one item of the home repo. */
export const FROZEN: NonNullable<MeetingState["frozen"]> = {
  at: "2024-03-28T16:00:00.000Z",
  groups: [{ repo: "nodejs/security-wg", items: [initiatives] }],
  searchUrls: ["https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues"],
};

const rendered = await renderMeeting({ agenda: { meeting: securityWgMeeting(), occurrence: march28, groups: FROZEN.groups, searchUrls: FROZEN.searchUrls } });

/**
 * The body with the app's state, `state` changing the fresh one; signed for #1260 of 2024-03-28
 * unless `issue` names another issue (its marker and state another occurrence).
 */
export function meetingIssueBody(
  state: Partial<MeetingState> = {},
  meeting: Meeting = securityWgMeeting(),
  issue: { number: number; occurrenceKey: string } = { number: ISSUE_NUMBER, occurrenceKey: march28.key },
): string {
  const marker = { v: 1 as const, meeting: meeting.id, occurrence: issue.occurrenceKey };
  const content = { marker, agendaMarkdown: rendered.agendaMarkdown, agendaItems: ["nodejs/security-wg#1255"], facts: [] };
  const seal = testSeal(issue.number);
  const fresh = composeBody(rendered.issueBody, undefined, content, [], undefined, seal);
  const previous = { ...(parseBody(fresh, seal).state as MeetingState), ...state };
  return composeBody(fresh, previous, content, [], undefined, seal);
}

/** The issue as `GET /repos/nodejs/security-wg/issues/1260` answers it. */
export function meetingIssue(body: string, overrides: Record<string, unknown> = {}) {
  return {
    number: ISSUE_NUMBER,
    title: "Node.js Security team Meeting 2024-03-28",
    state: "open",
    body,
    labels: [{ name: "security-wg-agenda-meeting" }],
    html_url: ISSUE_URL,
    user: { login: "agenda-drafter[bot]", type: "Bot" },
    ...overrides,
  };
}

/** The state the app wrote into a body, signed for the meeting issue. */
export function stateOf(body: string): MeetingState | undefined {
  return parseBody(body, testSeal(ISSUE_NUMBER)).state;
}

export const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

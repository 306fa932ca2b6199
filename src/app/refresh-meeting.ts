import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import { fetchCalendar } from "../collect/fetch-calendar.js";
import { nextOccurrence } from "../schedule/next-occurrence.js";
import { previousOccurrence } from "../schedule/previous-occurrence.js";
import type { LabelFact } from "../publish/meeting-state.js";
import { issuesOfOccurrence, listMeetingIssues } from "../publish/list-meeting-issues.js";
import { publishOccurrence, type PublishOutcome } from "../publish/publish-occurrence.js";
import { draftLiveAgenda } from "./draft-live-agenda.js";
import { mergeFacts } from "./label-facts.js";

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RefreshContext {
  octokit: GitHub;
  log: Log;
  now: Date;
  fetchImpl?: typeof fetch;
  claimWaitMs?: number;
}

export type RefreshOutcome = PublishOutcome | { kind: "no-occurrence" };

/**
 * Brings a meeting's issue for its next occurrence up to date with the labels, creating the issue
 * once the meeting's lead time has been reached. `facts` are what webhooks said since the last
 * refresh; they join those the issue keeps.
 */
export async function refreshMeeting(context: RefreshContext, meeting: Meeting, facts: LabelFact[]): Promise<RefreshOutcome> {
  const { octokit, now } = context;
  const calendarText =
    meeting.schedule.kind === "calendar" ? await fetchCalendar(meeting.schedule.calendarUrl, context.fetchImpl) : undefined;
  const occurrence = nextOccurrence(meeting.schedule, now, calendarText);
  if (!occurrence) return { kind: "no-occurrence" };

  const issues = await listMeetingIssues(octokit, meeting);
  const own = issuesOfOccurrence(issues, meeting.id, occurrence.key)[0];
  const create = now.getTime() >= Date.parse(occurrence.start) - meeting.leadTimeMs;
  if (!own && !create) return { kind: "not-yet" };

  const previous = previousOccurrence(meeting.schedule, occurrence, calendarText);
  const previousIssue = previous && issuesOfOccurrence(issues, meeting.id, previous.key)[0];
  const previousItems = previousIssue?.parsed.state?.agendaItems;
  const draft = await draftLiveAgenda(octokit, {
    meeting,
    occurrence,
    facts: mergeFacts(own?.parsed.state?.facts ?? [], facts, now),
    ...(previousItems && { previousItems }),
  });
  return publishOccurrence(octokit, draft, issues, {
    create,
    now,
    log: context.log,
    ...(context.claimWaitMs !== undefined && { claimWaitMs: context.claimWaitMs }),
  });
}

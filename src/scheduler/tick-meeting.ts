import { forOccurrence } from "../errors.js";
import type { Meeting, Occurrence, OccurrenceIssue } from "../model.js";
import { loadSchedule } from "../schedule/load-schedule.js";
import { decideSteps, type OccurrenceRecord, type TickStep } from "./decide-steps.js";
import { tickWindow } from "./tick-window.js";

/**
 * How a tick reads and changes GitHub, implemented by the app. Every write must be idempotent on
 * its own (the app's claim ref, the minutes branch): the tick lock only makes duplicates rare.
 */
export interface TickActions {
  /** What exists for these occurrences, by occurrence key. */
  records(meeting: Meeting, occurrences: Occurrence[]): Promise<ReadonlyMap<string, OccurrenceRecord>>;
  /** Creates (or finds) the occurrence's issue; undefined when none came of it (a dry run, another replica's claim). */
  createIssue(meeting: Meeting, occurrence: Occurrence): Promise<number | undefined>;
  /** Writes the agenda as the issue last showed it into the issue's state as the frozen agenda. */
  freezeAgenda(meeting: Meeting, issue: OccurrenceIssue): Promise<void>;
  /** Opens (or completes, or rewrites) the minutes pull request from the frozen agenda and links it from the issue. */
  openMinutes(meeting: Meeting, issue: OccurrenceIssue): Promise<void>;
  /** Closes an earlier occurrence's issue with a comment linking its successor's. */
  closeIssue(meeting: Meeting, closing: OccurrenceIssue, successor: OccurrenceIssue): Promise<void>;
  /** Says on the issue that its occurrence is cancelled, and closes it. */
  cancelIssue(meeting: Meeting, issue: OccurrenceIssue): Promise<void>;
  /** Drafts the live agenda afresh and writes it only when it differs from the issue's (its `agendaHash`). */
  refreshIssue(meeting: Meeting, issue: OccurrenceIssue): Promise<void>;
  /**
   * Runs the commands of comments on the meeting's issues whose claim went stale before they were
   * done (their claimant died); the ids of those it ran. Absent where no comment commands run (the CLI's `run`).
   */
  finishComments?(meeting: Meeting): Promise<number[]>;
  /** Pins the meeting's current issue and unpins its earlier ones (`issue.pin`); whether it changed what is pinned. */
  pinIssue?(meeting: Meeting, current: OccurrenceIssue): Promise<boolean>;
}

export interface MeetingTickResult {
  /** The steps carried out, e.g. `create-issue 2024-03-28`. */
  done: string[];
  /** Steps that could not run because the issue they need was not created. */
  skipped: string[];
}

/** One tick of one meeting: decides its steps from what exists now, then carries them out in order. */
export async function tickMeeting(meeting: Meeting, now: Date, actions: TickActions): Promise<MeetingTickResult> {
  const scheduled = tickWindow(meeting, now, await loadSchedule(meeting.schedule));
  // No occurrence took place or is within the lead time: nothing can be due, and nothing is read.
  if (scheduled.length === 0) return { done: [], skipped: [] };
  const records = await actions.records(meeting, scheduled);
  // A reschedule moves the freeze and the minutes with the meeting; its key stays.
  const occurrences = scheduled
    .map((occurrence) => records.get(occurrence.key)?.occurrence ?? occurrence)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const steps = decideSteps({ meeting, now, occurrences, records });

  const issueNumbers = new Map<string, number>();
  for (const [key, record] of records) if (record.issue) issueNumbers.set(key, record.issue.number);

  const result: MeetingTickResult = { done: [], skipped: [] };
  for (const step of steps) {
    const ran = await forOccurrence(step.occurrence.key, () => runStep(meeting, step, actions, issueNumbers));
    (ran ? result.done : result.skipped).push(stepLabel(step));
  }
  const current = meeting.issue.pin && currentIssue(occurrences, records, issueNumbers);
  // The refresh that created an issue pinned it (or logged why not): asking again now would only repeat its query.
  const created = current && steps.some((step) => step.kind === "create-issue" && step.occurrence.key === current.occurrence.key);
  if (current && actions.pinIssue && !created) {
    if (await forOccurrence(current.occurrence.key, () => actions.pinIssue!(meeting, current))) result.done.push(`pin-issue ${current.occurrence.key}`);
  }
  // A live issue is reconciled on every tick: a refresh that failed, or whose webhook never came,
  // is repaired here, and one that would change nothing writes nothing.
  for (const occurrence of occurrences) {
    const issue = records.get(occurrence.key)?.issue;
    const live = issue?.state === "open" && !issue.frozen && !occurrence.cancelled && now.getTime() < Date.parse(occurrence.start);
    if (live) await forOccurrence(occurrence.key, () => actions.refreshIssue(meeting, { occurrence, issueNumber: issue.number }));
  }
  for (const commentId of (await actions.finishComments?.(meeting)) ?? []) result.done.push(`finish-comment ${commentId}`);
  return result;
}

/** Carries out one step; false when the issue it needs does not exist. A created issue joins `issueNumbers`. */
async function runStep(meeting: Meeting, step: TickStep, actions: TickActions, issueNumbers: Map<string, number>): Promise<boolean> {
  const issueOf = (occurrence: Occurrence): OccurrenceIssue | undefined => {
    const issueNumber = issueNumbers.get(occurrence.key);
    return issueNumber === undefined ? undefined : { occurrence, issueNumber };
  };
  if (step.kind === "create-issue") {
    const issueNumber = await actions.createIssue(meeting, step.occurrence);
    if (issueNumber !== undefined) issueNumbers.set(step.occurrence.key, issueNumber);
    return issueNumber !== undefined;
  }
  const issue = issueOf(step.occurrence);
  if (!issue) return false;
  switch (step.kind) {
    case "freeze-agenda":
      await actions.freezeAgenda(meeting, issue);
      return true;
    case "open-minutes":
      await actions.openMinutes(meeting, issue);
      return true;
    case "cancel-issue":
      await actions.cancelIssue(meeting, issue);
      return true;
    case "close-issue": {
      const successor = issueOf(step.successor);
      if (!successor) return false;
      await actions.closeIssue(meeting, issue, successor);
      return true;
    }
  }
}

/** The issue of the latest occurrence that has one, when it is open: the one to pin. */
function currentIssue(occurrences: Occurrence[], records: ReadonlyMap<string, OccurrenceRecord>, issueNumbers: Map<string, number>): OccurrenceIssue | undefined {
  const occurrence = occurrences.findLast((each) => !each.cancelled && issueNumbers.has(each.key));
  if (!occurrence || records.get(occurrence.key)?.issue?.state === "closed") return undefined;
  return { occurrence, issueNumber: issueNumbers.get(occurrence.key)! };
}

function stepLabel(step: TickStep): string {
  return step.kind === "close-issue"
    ? `${step.kind} ${step.occurrence.key} for ${step.successor.key}`
    : `${step.kind} ${step.occurrence.key}`;
}

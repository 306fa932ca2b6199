import type { GitHub } from "../github.js";
import type { Meeting, Occurrence, OccurrenceIssue } from "../model.js";
import { closeForSuccessor } from "../operations/close-meeting-issue.js";
import { readOccurrenceRecords } from "../scheduler/github-records.js";
import { readMeetingIssues, type MeetingIssues } from "../publish/list-meeting-issues.js";
import type { TickActions } from "../scheduler/tick-meeting.js";
import { cancelMeetingIssue } from "../operations/cancel-meeting.js";
import { freezeAgenda } from "../operations/freeze-agenda.js";
import { openMinutes } from "../operations/open-minutes.js";
import type { Log } from "../log.js";
import { NO_FACTS, refreshMeeting } from "../operations/refresh-meeting.js";
import type { RecordedClaims } from "../publish/claim-occurrence.js";
import { pinMeetingIssue } from "../publish/pin-meeting-issue.js";
import { withLogFields } from "./log-fields.js";

export interface TickActionsContext {
  now: () => Date;
  log: Log;
  claimWaitMs?: number;
  recordedClaims?: RecordedClaims;
  /** The installation, for the log lines' fields. */
  installationId?: number;
  /** Runs the commands of comments whose claim went stale (see TickActions.finishComments). */
  finishComments?: (meeting: Meeting) => Promise<number[]>;
  /** Counts a pin that failed after its issue's create (see RefreshContext.countPinFailure). */
  countPinFailure?: () => void;
}

/** The tick's steps on one installation's GitHub, made of the app's own writers. */
export function createTickActions(octokit: GitHub, context: TickActionsContext): TickActions {
  return withFields(createActions(octokit, context), context.installationId);
}

function createActions(octokit: GitHub, context: TickActionsContext): TickActions {
  const { log } = context;
  // The issues the tick's records were read from serve the meeting's first refresh, when no step
  // wrote before it: it would read them again. Any step of the meeting makes them stale.
  const justRead = new Map<Meeting, MeetingIssues>();
  const taken = (meeting: Meeting) => {
    const issues = justRead.get(meeting);
    justRead.delete(meeting);
    return issues;
  };
  const stale = <A extends unknown[], R>(step: (meeting: Meeting, ...rest: A) => Promise<R>) => (meeting: Meeting, ...rest: A) => (justRead.delete(meeting), step(meeting, ...rest));
  // Creating the issue and reconciling it are the same refresh of one occurrence.
  const refresh = (meeting: Meeting, occurrence: Occurrence) => {
    const issues = taken(meeting);
    return refreshMeeting(
      {
        octokit,
        log,
        now: context.now(),
        ...(context.claimWaitMs !== undefined && { claimWaitMs: context.claimWaitMs }),
        ...(context.recordedClaims && { recordedClaims: context.recordedClaims }),
        ...(issues && { issues }),
        ...(context.countPinFailure && { countPinFailure: context.countPinFailure }),
      },
      meeting,
      NO_FACTS,
      occurrence,
    );
  };
  return {
    ...(context.finishComments && { finishComments: stale(context.finishComments) }),
    pinIssue: async (meeting, current) => (await pinMeetingIssue(octokit, meeting, current, log)) === "pinned",
    async records(meeting, occurrences) {
      const issues = await readMeetingIssues(octokit, meeting, context.recordedClaims);
      justRead.set(meeting, issues);
      return readOccurrenceRecords(meeting, occurrences, issues);
    },
    async createIssue(meeting, occurrence) {
      const outcome = await refresh(meeting, occurrence);
      return "issueNumber" in outcome ? outcome.issueNumber : undefined;
    },
    refreshIssue: async (meeting, issue) => void (await refresh(meeting, issue.occurrence)),
    freezeAgenda: stale(async (meeting, issue) => void (await freezeAgenda(octokit, meeting, issue, { now: context.now(), log }))),
    openMinutes: stale(async (meeting, issue) => void (await openMinutes(octokit, meeting, issue.issueNumber, issue.occurrence, log))),
    closeIssue: stale((meeting, closing, successor) => closeForSuccessor(octokit, meeting, closing, successor)),
    cancelIssue: stale((meeting, issue) =>
      cancelMeetingIssue(octokit, meeting, issue.issueNumber, issue.occurrence, {
        now: context.now(),
        log,
        comment: (occurrence) =>
          `The meeting of ${occurrence.date} is cancelled: the schedule no longer has it. Items on this agenda go to the next meeting.`,
      }),
    ),
  };
}

/** Each step's log lines carry its installation, meeting and occurrence. */
function withFields(actions: TickActions, installation: number | undefined): TickActions {
  const scoped = <T>(meeting: Meeting, occurrence: Occurrence | undefined, work: () => Promise<T>) =>
    withLogFields(
      {
        ...(installation !== undefined && { installation }),
        repo: `${meeting.home.owner}/${meeting.home.repo}`,
        meeting: meeting.id,
        ...(occurrence && { occurrence: occurrence.key }),
      },
      work,
    );
  return {
    records: (meeting, occurrences) => scoped(meeting, undefined, () => actions.records(meeting, occurrences)),
    createIssue: (meeting, occurrence) => scoped(meeting, occurrence, () => actions.createIssue(meeting, occurrence)),
    refreshIssue: (meeting, issue) => scoped(meeting, issue.occurrence, () => actions.refreshIssue(meeting, issue)),
    freezeAgenda: (meeting, issue) => scoped(meeting, issue.occurrence, () => actions.freezeAgenda(meeting, issue)),
    openMinutes: (meeting, issue) => scoped(meeting, issue.occurrence, () => actions.openMinutes(meeting, issue)),
    closeIssue: (meeting, closing, successor) => scoped(meeting, closing.occurrence, () => actions.closeIssue(meeting, closing, successor)),
    cancelIssue: (meeting, issue) => scoped(meeting, issue.occurrence, () => actions.cancelIssue(meeting, issue)),
    ...(actions.pinIssue && { pinIssue: (meeting: Meeting, current: OccurrenceIssue) => scoped(meeting, current.occurrence, () => actions.pinIssue!(meeting, current)) }),
    ...(actions.finishComments && { finishComments: (meeting: Meeting) => scoped(meeting, undefined, () => actions.finishComments!(meeting)) }),
  };
}

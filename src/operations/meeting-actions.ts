import type { GitHub } from "../github.js";
import type { Log } from "../log.js";
import type { Attendee, ItemRef, Meeting, Occurrence } from "../model.js";
import { UserError } from "../errors.js";
import { escapeMarkdown } from "../render/escape-markdown.js";
import { cancelMeetingIssue } from "./cancel-meeting.js";
import { openMinutes } from "./open-minutes.js";
import { decideProposals, proposeItem, type Decision, type DecidedProposal, type ProposalInput } from "./propose-item.js";
import { recordAttendees } from "./record-attendees.js";
import { NO_FACTS, refreshMeeting } from "./refresh-meeting.js";
import { rescheduleMeeting } from "./reschedule-meeting.js";

/**
 * What comment commands ask of the app, for the meeting issue the comment is on. The commands
 * have already checked who asked and validated the arguments.
 */
export interface MeetingActions {
  /** Recomputes the agenda in the meeting issue now. */
  refresh(): Promise<void>;
  /**
   * Cancels this occurrence: the issue says so and is closed, and no minutes pull request opens.
   * `reason` is the commenter's raw text: escape it where it is written.
   */
  cancel(reason: string | undefined): Promise<void>;
  /**
   * Moves this occurrence to `start` (a UTC instant) shown in `zone`; it keeps its key. The date is
   * already checked against the schedule; `refused` is for what only the app knows (another
   * occurrence already moved onto that date, minutes already merged...), written for the commenter.
   */
  reschedule(start: Date, zone: string): Promise<{ refused?: string }>;
  /**
   * Opens the minutes pull request, or regenerates its file while the branch head is still the
   * app's own commit; once a person has pushed, changes nothing.
   */
  openMinutes(): Promise<{ pullRequestUrl: string; regenerated: boolean; personPushed: boolean }>;
  /** Adds people to the minutes' Present section (on the branch once it exists, else in the app's state). */
  recordAttendees(people: Attendee[]): Promise<void>;
  /** Records a proposal for this occurrence's agenda; `refused` says why not, for the proposer. */
  propose(proposal: ProposalInput): Promise<{ refused?: string }>;
  /** Marks the pending proposals of these items added or declined, and tells their proposers `told`; returns those it decided. */
  decideProposals(refs: ItemRef[], decision: Omit<Decision, "by">): Promise<DecidedProposal[]>;
}

export interface MeetingIssueContext {
  octokit: GitHub;
  meeting: Meeting;
  issueNumber: number;
  /** The occurrence as the schedule has it (the issue's state may move or cancel it). */
  scheduled: Occurrence;
  /** Who commented, named where the app writes what they did. */
  commenter: string;
  now: Date;
  log: Log;
}

/** The meeting's use cases, bound to one meeting issue: one call each. */
export function createMeetingActions(context: MeetingIssueContext): MeetingActions {
  const { octokit, meeting, issueNumber, scheduled, log } = context;
  return {
    refresh: async () => void (await refreshMeeting({ octokit, log, now: context.now }, meeting, NO_FACTS, scheduled)),
    cancel: (reason) =>
      cancelMeetingIssue(octokit, meeting, issueNumber, scheduled, {
        now: context.now,
        log,
        ...(reason !== undefined && { reason }),
        comment: (occurrence) => cancelComment(occurrence, context.commenter, reason),
      }),
    reschedule: (start, zone) => rescheduleMeeting(octokit, meeting, { issueNumber, scheduled, start, zone }, log),
    openMinutes: async () => minutesReply(await openMinutes(octokit, meeting, issueNumber, scheduled, log)),
    recordAttendees: (people) => recordAttendees(octokit, meeting, { issueNumber, scheduled }, people, log),
    propose: (proposal) => proposeItem(octokit, meeting, { issueNumber, scheduled }, proposal, { now: context.now, log }),
    decideProposals: (refs, decision) =>
      decideProposals(octokit, meeting, { issueNumber, scheduled }, refs, { ...decision, by: context.commenter }, { now: context.now, log }),
  };
}

function cancelComment(occurrence: Occurrence, commenter: string, reason: string | undefined): string {
  return (
    `The meeting of ${occurrence.date} is cancelled (asked by ${escapeMarkdown(`@${commenter}`)}).` +
    (reason === undefined ? "" : ` The reason given: ${escapeMarkdown(reason)}`) +
    "\n\nNo minutes will be opened; items on this agenda go to the next meeting."
  );
}

/** What `/minutes` tells: the pull request, or why there is none (a UserError, shown as the refusal). */
function minutesReply(outcome: Awaited<ReturnType<typeof openMinutes>>): Awaited<ReturnType<MeetingActions["openMinutes"]>> {
  switch (outcome.kind) {
    case "opened":
    case "open":
      return { pullRequestUrl: outcome.pullRequest.url, regenerated: outcome.kind === "open" && outcome.file === "rewritten", personPushed: outcome.file === "person-pushed" };
    case "closed":
      throw new UserError(`The minutes pull request ${outcome.pullRequest.url} is ${outcome.merged ? "merged" : "closed"}; it is never opened again.`);
    case "file-exists":
      throw new UserError(`\`${outcome.path.replace(/`/g, "")}\` already exists on the default branch (<${outcome.url}>); the app does not overwrite it.`);
    case "dry-run":
      throw new UserError("This meeting runs as a dry run (`dry_run: true`): nothing is written.");
  }
}

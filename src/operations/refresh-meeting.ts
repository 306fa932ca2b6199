import { forOccurrence } from "../errors.js";
import type { GitHub } from "../github.js";
import { describeError, type Log } from "../log.js";
import type { Meeting, Occurrence, OccurrenceIssue } from "../model.js";
import { loadSchedule, type LoadedSchedule } from "../schedule/load-schedule.js";
import type { LabelFact } from "../collect/label-fact.js";
import { readMeetingIssues, type MeetingIssue, type MeetingIssues } from "../publish/list-meeting-issues.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { publishOccurrence, type PublishOutcome } from "../publish/publish-occurrence.js";
import type { RecordedClaims } from "../publish/claim-occurrence.js";
import { draftLiveAgenda } from "./steps/draft-live-agenda.js";
import { followUpsBefore } from "./steps/previous-follow-ups.js";
import { settleProposals } from "./steps/settle-proposals.js";
import { mergeFacts } from "../collect/label-facts.js";
import { mergeRepoFacts, type RepoFact } from "../collect/repo-facts.js";
import { pinMeetingIssue } from "../publish/pin-meeting-issue.js";

export interface RefreshContext {
  octokit: GitHub;
  log: Log;
  now: Date;
  claimWaitMs?: number;
  /** The claims read by earlier refreshes that record an issue, which never change. */
  recordedClaims?: RecordedClaims;
  /** The meeting's issues, when the caller has just read them and written nothing since (the tick's records). */
  issues?: MeetingIssues;
  /** This refresh rewrites the Proposed list after decisions its caller recorded: it decides none itself, so it runs once more at most. */
  proposalsSettled?: boolean;
  /** Counts a pin that failed after the create (the app's error metric): the refresh goes on without it. */
  countPinFailure?: () => void;
}

export type RefreshOutcome = PublishOutcome | { kind: "no-occurrence" };

/** What webhooks said since the last refresh that search may not show yet. */
export interface WebhookFacts {
  labels: LabelFact[];
  repos: RepoFact[];
}

export const NO_FACTS: WebhookFacts = { labels: [], repos: [] };

/**
 * Brings a meeting's issue for its next occurrence (or `target`, the occurrence a tick creates)
 * up to date with the labels, creating the issue once the meeting's lead time has been reached.
 * `facts` are what webhooks said since the last refresh; they join those the issue keeps. From
 * the occurrence's start (as rescheduled) its agenda is frozen: a refresh leaves the issue as it
 * is, whether or not the tick has recorded the freeze yet, and items labelled since go to the next
 * occurrence. With `issue.pin`, an issue this refresh created or adopted is pinned at once, whichever
 * path ran it (a webhook, a command, the Action): the tick pins one found unpinned, also when that
 * pin failed, which is logged and counted but fails nothing, as the issue is right without it.
 */
export async function refreshMeeting(
  context: RefreshContext,
  meeting: Meeting,
  facts: WebhookFacts,
  target?: Occurrence,
): Promise<RefreshOutcome> {
  const { octokit, now } = context;
  const schedule = await loadSchedule(meeting.schedule);
  const issues = context.issues ?? (await readMeetingIssues(octokit, meeting, context.recordedClaims));
  const found = target ? { occurrence: target, own: await issues.claimed(target.key) } : await nextWithIssue(meeting, schedule, now, issues);
  if (!found) return { kind: "no-occurrence" };
  const { own } = found;
  const occurrence = occurrenceAsStated(meeting, found.occurrence, own?.parsed.state);
  const started = now.getTime() >= Date.parse(occurrence.start);
  if (own && (started || occurrence.cancelled)) return { kind: "frozen", issueNumber: own.number };
  const create = now.getTime() >= Date.parse(occurrence.start) - meeting.leadTimeMs;
  if (!own && !create) return { kind: "not-yet" };

  return forOccurrence(occurrence.key, async () => {
    const previous = schedule.previous(found.occurrence);
    const previousIssue = previous && (await issues.claimed(previous.key));
    const previousItems = previousIssue?.parsed.state?.agendaItems;
    const followUps = await followUpsBefore(octokit, meeting, schedule, issues, found.occurrence);
    const draft = await draftLiveAgenda(octokit, {
      meeting,
      occurrence,
      facts: mergeFacts(own?.parsed.state?.facts ?? [], facts.labels, now),
      repoFacts: mergeRepoFacts(own?.parsed.state?.repoFacts ?? [], facts.repos, now),
      ...(previousItems && { previousItems }),
      ...(followUps && { followUps }),
    });
    const published = await publishOccurrence(octokit, draft, issues, {
      create,
      frozen: started,
      now,
      log: context.log,
      ...(context.claimWaitMs !== undefined && { claimWaitMs: context.claimWaitMs }),
    });
    // Only the process whose write made the issue the occurrence's pins it: a replica that waited for it does not.
    if (meeting.issue.pin && (published.kind === "created" || published.kind === "adopted")) {
      await pinAfterCreate(context, meeting, { occurrence, issueNumber: published.issueNumber });
    }
    const records = own?.parsed.state?.proposals ?? [];
    const settled =
      !context.proposalsSettled &&
      records.length > 0 &&
      "issueNumber" in published &&
      (await settleProposals(octokit, meeting, { number: published.issueNumber, records, agendaItems: draft.content.agendaItems, home: draft.home }, context));
    // The Proposed list was written before the decisions: once more, from the issue as it is now.
    if (settled) return refreshMeeting({ ...context, issues: undefined, proposalsSettled: true }, meeting, NO_FACTS, target);
    return published;
  });
}

/** The pin is a courtesy: failing the refresh for it would run again a refresh whose issue is right. */
async function pinAfterCreate(context: RefreshContext, meeting: Meeting, current: OccurrenceIssue): Promise<void> {
  try {
    await pinMeetingIssue(context.octokit, meeting, current, context.log);
  } catch (error) {
    context.countPinFailure?.();
    const { owner, repo } = meeting.home;
    context.log.error(`${owner}/${repo}#${current.issueNumber} could not be pinned (${describeError(error)}); the next tick pins it`);
  }
}

/**
 * The next occurrence after `now` and its issue. An occurrence moved earlier that is over by now
 * is passed over for the one after it.
 */
async function nextWithIssue(
  meeting: Meeting,
  schedule: LoadedSchedule,
  now: Date,
  issues: MeetingIssues,
): Promise<{ occurrence: Occurrence; own: MeetingIssue | undefined } | undefined> {
  let after = now;
  for (let tries = 0; tries < 2; tries++) {
    const occurrence = schedule.next(after);
    if (!occurrence) return undefined;
    const own = await issues.claimed(occurrence.key);
    const stated = occurrenceAsStated(meeting, occurrence, own?.parsed.state);
    if (Date.parse(stated.end) > now.getTime()) return { occurrence, own };
    after = new Date(occurrence.end);
  }
  return undefined;
}

import type { GitHub } from "../github.js";
import type { Meeting, Occurrence } from "../model.js";
import {
  claimOccurrence,
  readClaim,
  recordClaimedIssue,
  takeOverStaleClaim,
  type ClaimState,
  type ClaimTarget,
} from "./claim-occurrence.js";
import { wrapAgenda } from "./issue-body.js";
import { closeWithComment } from "./issue-writes.js";
import { duplicatesOf, readMeetingIssues, type MeetingIssue, type MeetingIssues } from "./list-meeting-issues.js";
import { fitBody, writeAgenda, type AgendaContent, type WriteOutcome } from "./write-agenda.js";
import { NOT_RETRIED, writeOnce } from "./write-once.js";

export interface OccurrenceDraft {
  meeting: Meeting;
  occurrence: Occurrence;
  title: string;
  /** The whole rendered issue body, for a new issue. */
  issueBody: string;
  content: AgendaContent;
  /** A line of mentions that a new issue ends with (`ping_invited`): written once, when this process first claims the occurrence. */
  ping?: string;
}

export interface PublishOptions {
  /** Whether the issue may be created if it does not exist: its lead time has been reached. */
  create: boolean;
  /** The occurrence has started: an existing issue's agenda stays as it is. */
  frozen?: boolean;
  now: Date;
  log: { info: (message: string) => void; warn: (message: string) => void };
  /** How long to wait for another process that holds the claim to create the issue. */
  claimWaitMs?: number;
}

export type PublishOutcome =
  | { kind: "updated" | "unchanged" | "dry-run" | "frozen"; issueNumber: number }
  | { kind: "created" | "adopted"; issueNumber: number }
  | { kind: "not-yet" | "would-create" | "claimed-elsewhere" };

/** A claim without an issue after this long is taken to be from a process that died. */
const STALE_CLAIM_MS = 5 * 60 * 1000;
const CLAIM_POLLS = 5;

/**
 * Brings the meeting issue of one occurrence up to date, creating it exactly once when it does not
 * exist: the issue the claim ref records (whatever its marker says, or if it has none), else an
 * unmarked open issue with the occurrence's title adopted, else created. An issue the claim does
 * not record is never written, whatever marker it carries.
 */
export async function publishOccurrence(
  octokit: GitHub,
  draft: OccurrenceDraft,
  issues: MeetingIssues,
  options: PublishOptions,
): Promise<PublishOutcome> {
  const { meeting, occurrence } = draft;
  const dryRun = meeting.dryRun;
  const update = async (issueNumber: number): Promise<PublishOutcome> => ({
    kind: renameOutcome(await writeAgenda(octokit, meeting.home, issueNumber, draft.content, { dryRun, log: options.log })),
    issueNumber,
  });

  const target: ClaimTarget = { home: meeting.home, meetingId: meeting.id, occurrenceKey: occurrence.key };
  const claim = await issues.claim(occurrence.key);
  if (claim.kind === "issue") {
    if (options.frozen) return { kind: "frozen", issueNumber: claim.issueNumber };
    const own = await issues.claimed(occurrence.key);
    if (own && !dryRun) await closeDuplicates(octokit, meeting, own.number, duplicatesOf(issues.all, own, meeting.id, occurrence.key));
    return update(claim.issueNumber);
  }
  if (!options.create) return { kind: "not-yet" };
  if (dryRun) {
    options.log.info(`dry run: would create "${draft.title}" in ${meeting.home.owner}/${meeting.home.repo}`);
    return { kind: "would-create" };
  }

  const claimSha = await takeClaim(octokit, target, claim, options.now);
  // A stale claim's holder may have created the issue, pinged, and died before recording it: no second ping.
  const ping = claim.kind === "unclaimed" ? draft.ping : undefined;
  if (claimSha === undefined) return waitForClaimant(octokit, draft, target, options, update);

  const adoptable = issues.all.find(
    (issue) => issue.state === "open" && issue.parsed.marker === undefined && issue.title === draft.title,
  );
  if (adoptable) {
    await recordClaimedIssue(octokit, target, claimSha, adoptable.number);
    await update(adoptable.number);
    options.log.info(`adopted ${meeting.home.owner}/${meeting.home.repo}#${adoptable.number} for ${meeting.id} ${occurrence.key}`);
    return { kind: "adopted", issueNumber: adoptable.number };
  }

  // The issue's number is known only once it exists: its signed state comes with the first update.
  const body = ping ? `${newIssueBody(draft).trimEnd()}\n\n${ping}\n` : newIssueBody(draft);
  // This process holds the claim: an issue of the occurrence that appeared is the one it created.
  const issueNumber = await writeOnce(
    async () => (await octokit.rest.issues.create({ ...meeting.home, title: draft.title, body, labels: meeting.issue.labels, request: NOT_RETRIED })).data.number,
    async () => (await readMeetingIssues(octokit, meeting)).all.find((issue) => isOwnNewIssue(issue, draft))?.number,
  );
  await recordClaimedIssue(octokit, target, claimSha, issueNumber);
  options.log.info(`created ${meeting.home.owner}/${meeting.home.repo}#${issueNumber} for ${meeting.id} ${occurrence.key}`);
  await update(issueNumber);
  return { kind: "created", issueNumber };
}

/** The body of the occurrence's issue when the app creates it, within GitHub's limit (fitBody). */
export function newIssueBody(draft: Pick<OccurrenceDraft, "issueBody" | "content">): string {
  return fitBody(wrapAgenda(draft.issueBody, draft.content.agendaMarkdown), undefined, draft.content, undefined, undefined).body;
}

/**
 * An issue that the app's own create may have made, whose answer was lost: the occurrence's
 * marker and title, opened by a bot (this process holds the claim, so no other process of the
 * app creates one meanwhile).
 */
function isOwnNewIssue(issue: MeetingIssue, draft: OccurrenceDraft): boolean {
  const marker = issue.parsed.marker;
  return marker?.meeting === draft.meeting.id && marker.occurrence === draft.occurrence.key && issue.title === draft.title && issue.author?.type === "Bot";
}

/** Claims the occurrence, or takes over a claim gone stale; undefined while another process holds it. */
async function takeClaim(octokit: GitHub, target: ClaimTarget, claim: ClaimState, now: Date): Promise<string | undefined> {
  if (claim.kind !== "claimed") return claimOccurrence(octokit, target);
  const stale = now.getTime() - Date.parse(claim.claimedAt) > STALE_CLAIM_MS;
  return stale ? takeOverStaleClaim(octokit, target, claim.sha) : undefined;
}

/** Another process holds the claim: the issue it creates is taken up once it appears. */
async function waitForClaimant(
  octokit: GitHub,
  draft: OccurrenceDraft,
  target: ClaimTarget,
  options: PublishOptions,
  update: (issueNumber: number) => Promise<PublishOutcome>,
): Promise<PublishOutcome> {
  const waitMs = options.claimWaitMs ?? 2_000;
  for (let poll = 0; poll < CLAIM_POLLS; poll++) {
    const claim = await readClaim(octokit, target);
    if (claim.kind === "issue") return options.frozen ? { kind: "frozen", issueNumber: claim.issueNumber } : update(claim.issueNumber);
    await new Promise((resolve) => setTimeout(resolve, waitMs / CLAIM_POLLS));
  }
  options.log.warn(
    `${draft.meeting.id} ${draft.occurrence.key}: another process claimed the occurrence and has not created its issue yet`,
  );
  return { kind: "claimed-elsewhere" };
}

async function closeDuplicates(octokit: GitHub, meeting: Meeting, keep: number, duplicates: MeetingIssue[]) {
  for (const duplicate of duplicates) {
    if (duplicate.state === "closed") continue;
    await closeWithComment(octokit, meeting.home, duplicate.number, `Closing this duplicate of #${keep}, the meeting issue of this occurrence.`, "not_planned");
  }
}

function renameOutcome(outcome: WriteOutcome): "updated" | "unchanged" | "dry-run" {
  return outcome === "written" ? "updated" : outcome;
}

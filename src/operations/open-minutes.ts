import type { GitHub } from "../github.js";
import type { Log } from "../log.js";
import type { Meeting, Occurrence } from "../model.js";
import { commentOnIssue } from "../publish/comment-replies.js";
import { parseBody } from "../publish/issue-body.js";
import { stateSeal } from "../publish/state-signer.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { withShownProposals } from "./steps/shown-proposals.js";
import { openMinutesPullRequest, type MinutesOutcome } from "../publish/minutes/open-minutes-pull-request.js";
import { updateIssueState } from "../publish/update-issue-state.js";
import { agendaAsWritten, frozenAgendaAsShown, writtenAgendaItems } from "./steps/agenda-as-written.js";
import { issueRenderer, type IssueRenderer } from "./steps/issue-renderer.js";
import { rewriteIssue } from "./steps/rewrite-issue.js";
import type { MeetingState } from "../publish/meeting-state.js";

/**
 * Opens (or completes, or rewrites while it is still the app's) the minutes pull request of an
 * occurrence, drafted from its frozen agenda (before the start, as `with_issue` and `/minutes`
 * may ask, from the agenda the issue shows) with the attendees recorded so far. Then records it in
 * the issue's state and links it from the issue; a file already at the minutes path on the
 * default branch is reported on the issue, once.
 */
export async function openMinutes(
  octokit: GitHub,
  meeting: Meeting,
  issueNumber: number,
  scheduled: Occurrence,
  log: Log,
): Promise<MinutesOutcome> {
  // 1. The issue's state: the occurrence as it stands, its frozen agenda and attendees.
  const { data: issue } = await octokit.rest.issues.get({ ...meeting.home, issue_number: issueNumber });
  const state = parseBody(issue.body, stateSeal(octokit, meeting.home, issueNumber)).state;
  // The proposals not decided are listed in the minutes, as far as the rule lets the meeting show them now.
  const occurrence = await withShownProposals(octokit, meeting, occurrenceAsStated(meeting, scheduled, state));
  // Both read visibility now: what the minutes show is what the rule lets the meeting show when they are written.
  // The invited teams' members too: as recorded at the freeze, else as the issue lists them now.
  const agenda = state?.frozen
    ? await frozenAgendaAsShown(octokit, meeting, state.frozen)
    : await liveAgendaAsWritten(octokit, meeting, occurrence, state);

  // 2. The minutes, rendered from them.
  const render = await issueRenderer(octokit, meeting);
  const rendered = await render(occurrence, { issueUrl: issue.html_url, attendees: state?.attendees ?? [] }, { meeting, occurrence, ...agenda });

  // 3. The pull request: opened, completed or rewritten while it is the app's.
  const outcome = await openMinutesPullRequest(
    octokit,
    { meeting, occurrence, content: rendered.minutesBody, path: rendered.minutesPath, issueUrl: issue.html_url },
    { log },
  );

  // 4. The issue records and links it, or says why there is none.
  if (outcome.kind === "opened" || outcome.kind === "open" || outcome.kind === "closed") {
    await recordMinutes(octokit, meeting, issueNumber, { render, occurrence, outcome, frozen: state?.frozen !== undefined }, log);
  } else if (outcome.kind === "file-exists") {
    await reportExistingFile(octokit, meeting, issueNumber, outcome, log);
  }
  return outcome;
}

async function liveAgendaAsWritten(octokit: GitHub, meeting: Meeting, occurrence: Occurrence, state: MeetingState | undefined) {
  return agendaAsWritten(octokit, meeting, occurrence, await writtenAgendaItems(octokit, meeting, occurrence, state));
}

type PullRequestOutcome = Extract<MinutesOutcome, { kind: "opened" | "open" | "closed" }>;

async function recordMinutes(
  octokit: GitHub,
  meeting: Meeting,
  issueNumber: number,
  written: { render: IssueRenderer; occurrence: Occurrence; outcome: PullRequestOutcome; frozen: boolean },
  log: Log,
): Promise<void> {
  const { render, occurrence, outcome } = written;
  const pullRequest = outcome.pullRequest;
  // A person's push ends the app's writing: the file is as frozen as it will get.
  const frozenAgenda = written.frozen || (outcome.kind !== "closed" && outcome.file === "person-pushed");
  const minutes = { number: pullRequest.number, url: pullRequest.url, state: outcome.kind === "closed" ? ("closed" as const) : ("open" as const), frozenAgenda };
  await rewriteIssue(
    octokit,
    meeting,
    issueNumber,
    {
      before: (await render(occurrence)).issueBody,
      after: (await render(occurrence, { minutesPullRequestUrl: pullRequest.url })).issueBody,
      state: (latest) => (JSON.stringify(latest.minutes) === JSON.stringify(minutes) ? undefined : { ...latest, minutes }),
    },
    log,
  );
}

async function reportExistingFile(
  octokit: GitHub,
  meeting: Meeting,
  issueNumber: number,
  outcome: Extract<MinutesOutcome, { kind: "file-exists" }>,
  log: Log,
): Promise<void> {
  const blocked = { path: outcome.path, url: outcome.url };
  const written = await updateIssueState(
    octokit,
    meeting.home,
    issueNumber,
    (latest) => ({ state: latest.minutesBlocked ? undefined : { ...latest, minutesBlocked: blocked } }),
    { dryRun: meeting.dryRun, log },
  );
  if (written !== "written") return;
  await commentOnIssue(
    octokit,
    { ...meeting.home, number: issueNumber },
    `The minutes of this meeting were not opened as a pull request: \`${outcome.path.replace(/`/g, "")}\` already exists on the default branch (<${outcome.url}>), and agenda-drafter never overwrites it. Remove it or change \`minutes.path\` in the meeting's config, then comment \`/minutes\`.`,
  );
}

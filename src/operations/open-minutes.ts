import type { GitHub } from "../github.js";
import type { Meeting, Occurrence } from "../model.js";
import { parseBody } from "../publish/issue-body.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { openMinutesPullRequest, type MinutesOutcome } from "../publish/minutes/open-minutes-pull-request.js";
import { replaceWrittenLines } from "../publish/replace-written-lines.js";
import { updateIssueState } from "../publish/update-issue-state.js";
import { agendaAsWritten } from "./freeze-agenda.js";
import type { Log } from "../log.js";
import { issueRenderer } from "./steps/issue-renderer.js";

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
  const { data: issue } = await octokit.rest.issues.get({ ...meeting.home, issue_number: issueNumber });
  const state = parseBody(issue.body).state;
  const occurrence = occurrenceAsStated(meeting, scheduled, state);
  const agenda = state?.frozen ?? (await agendaAsWritten(octokit, meeting, occurrence, state?.agendaItems ?? []));
  const render = await issueRenderer(octokit, meeting);
  const rendered = render(occurrence, { issueUrl: issue.html_url, attendees: state?.attendees ?? [] }, { meeting, occurrence, ...agenda });
  const outcome = await openMinutesPullRequest(
    octokit,
    { meeting, occurrence, content: rendered.minutesBody, path: rendered.minutesPath, issueUrl: issue.html_url },
    { log },
  );
  const options = { dryRun: meeting.dryRun, log };

  switch (outcome.kind) {
    case "opened":
    case "open":
    case "closed": {
      const pullRequest = outcome.pullRequest;
      const without = render(occurrence);
      const linked = render(occurrence, { minutesPullRequestUrl: pullRequest.url });
      // A person's push ends the app's writing: the file is as frozen as it will get.
      const frozenAgenda = state?.frozen !== undefined || (outcome.kind !== "closed" && outcome.file === "person-pushed");
      const minutes = { number: pullRequest.number, url: pullRequest.url, state: outcome.kind === "closed" ? ("closed" as const) : ("open" as const), frozenAgenda };
      await updateIssueState(
        octokit,
        meeting.home,
        issueNumber,
        (latest, _parsed, body) =>
          JSON.stringify(latest.minutes) === JSON.stringify(minutes)
            ? { state: undefined }
            : { state: { ...latest, minutes }, base: replaceWrittenLines(body, without.issueBody, linked.issueBody) },
        options,
      );
      break;
    }
    case "file-exists": {
      const blocked = { path: outcome.path, url: outcome.url };
      const written = await updateIssueState(
        octokit,
        meeting.home,
        issueNumber,
        (latest) => ({ state: latest.minutesBlocked ? undefined : { ...latest, minutesBlocked: blocked } }),
        options,
      );
      if (written === "written") {
        await octokit.rest.issues.createComment({
          ...meeting.home,
          issue_number: issueNumber,
          body: `The minutes of this meeting were not opened as a pull request: \`${outcome.path.replace(/`/g, "")}\` already exists on the default branch (<${outcome.url}>), and agenda-drafter never overwrites it. Remove it or change \`minutes.path\` in the meeting's config, then comment \`/minutes\`.`,
        });
      }
      break;
    }
    case "dry-run":
      break;
  }
  return outcome;
}

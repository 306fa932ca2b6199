import { DateTime } from "luxon";
import type { GitHub } from "../github.js";
import type { Meeting, Occurrence } from "../model.js";
import type { Attendee, MeetingActions } from "../commands/meeting-actions.js";
import { UserError } from "../errors.js";
import { escapeMarkdown } from "../render/escape-markdown.js";
import { listMeetingIssues } from "../publish/list-meeting-issues.js";
import { emptyState } from "../publish/meeting-state.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { replaceWrittenLines } from "../publish/replace-written-lines.js";
import { updateIssueState } from "../publish/update-issue-state.js";
import { addToPresentSection } from "../publish/minutes/add-attendees.js";
import { cancelMeetingIssue } from "../operations/cancel-meeting.js";
import { openMinutes } from "../operations/open-minutes.js";
import type { Log } from "../log.js";
import { refreshMeeting } from "../operations/refresh-meeting.js";
import { issueRenderer } from "../operations/steps/issue-renderer.js";

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

/** What the comment commands do to one meeting issue, made of the app's own writers. */
export function createMeetingActions(context: MeetingIssueContext): MeetingActions {
  const { octokit, meeting, issueNumber, scheduled, log } = context;
  const home = meeting.home;
  const options = { dryRun: meeting.dryRun, log };

  return {
    async refresh() {
      await refreshMeeting({ octokit, log, now: context.now }, meeting, [], scheduled);
    },

    async cancel(reason) {
      await cancelMeetingIssue(octokit, meeting, issueNumber, scheduled, {
        now: context.now,
        log,
        ...(reason !== undefined && { reason }),
        comment: (occurrence) =>
          `The meeting of ${occurrence.date} is cancelled (asked by ${escapeMarkdown(`@${context.commenter}`)}).` +
          (reason === undefined ? "" : ` The reason given: ${escapeMarkdown(reason)}`) +
          "\n\nNo minutes will be opened; items on this agenda go to the next meeting.",
      });
    },

    async reschedule(start, zone) {
      const date = DateTime.fromJSDate(start).setZone(meeting.schedule.timezone).toISODate();
      const issues = await listMeetingIssues(octokit, meeting);
      const self = issues.find((issue) => issue.number === issueNumber);
      const movedThere = issues.find((issue) => {
        const marker = issue.parsed.marker;
        if (!marker || marker.meeting !== meeting.id || marker.occurrence === scheduled.key || !issue.parsed.state?.reschedule) return false;
        return DateTime.fromISO(issue.parsed.state.reschedule.start).setZone(meeting.schedule.timezone).toISODate() === date;
      });
      if (movedThere) return { refused: `The meeting of ${movedThere.parsed.marker?.occurrence} was moved to ${date} already (#${movedThere.number}).` };
      const state = self?.parsed.state;
      if (state?.frozen || state?.minutes) return { refused: "This meeting has started already; its time can no longer change." };

      const before = occurrenceAsStated(meeting, scheduled, state);
      const reschedule = { start: start.toISOString(), zone };
      const after = occurrenceAsStated(meeting, scheduled, { ...(state ?? emptyState({ v: 1, meeting: meeting.id, occurrence: scheduled.key })), reschedule });
      const minutesUrl = state?.minutes?.url;
      const extras = minutesUrl ? { minutesPullRequestUrl: minutesUrl } : {};
      const render = await issueRenderer(octokit, meeting);
      const old = render(before, extras);
      const moved = render(after, extras);
      await updateIssueState(
        octokit,
        home,
        issueNumber,
        (latest, _parsed, body) => ({ state: { ...latest, reschedule }, base: replaceWrittenLines(body, old.issueBody, moved.issueBody) }),
        options,
      );
      // The title follows unless someone retitled the issue.
      if (!meeting.dryRun && self?.title === old.title && old.title !== moved.title) {
        await octokit.rest.issues.update({ ...home, issue_number: issueNumber, title: moved.title });
      }
      return {};
    },

    async openMinutes() {
      const outcome = await openMinutes(octokit, meeting, issueNumber, scheduled, log);
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
    },

    async recordAttendees(people: Attendee[]) {
      let minutes: { state: "open" | "closed" } | undefined;
      let occurrence = scheduled;
      await updateIssueState(
        octokit,
        home,
        issueNumber,
        (latest) => {
          minutes = latest.minutes;
          occurrence = occurrenceAsStated(meeting, scheduled, latest);
          const recorded = latest.attendees ?? [];
          const known = new Set(recorded.map((person) => person.login.toLowerCase()));
          const added = people.filter((person) => !known.has(person.login.toLowerCase()));
          return { state: added.length === 0 ? undefined : { ...latest, attendees: [...recorded, ...added] } };
        },
        options,
      );
      if (minutes?.state !== "open") return;
      // The app's own file is drafted again with everyone recorded; a file people have edited gets the lines added.
      const outcome = await openMinutes(octokit, meeting, issueNumber, scheduled, log);
      if ((outcome.kind === "open" || outcome.kind === "opened") && outcome.file === "person-pushed") {
        await addToPresentSection(octokit, meeting, occurrence, people);
      }
    },
  };
}

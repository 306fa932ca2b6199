import type { GitHub, RepoRef } from "../github.js";
import type { Agenda, Meeting, Occurrence } from "../model.js";
import { UserError } from "../errors.js";
import { CONFIG_PATH, loadRepoConfig, type LoadedConfig } from "../config/load-config.js";
import { formatProblem, type ConfigProblem } from "../config/problem.js";
import { unreachableRepoProblem } from "../config/unreachable-repo-problem.js";
import { exceptionProblems } from "./steps/exception-problems.js";
import { loadSchedule, type LoadedSchedule } from "../schedule/load-schedule.js";
import { collectAgendaItems } from "../collect/collect-agenda-items.js";
import { projectSourceProblems } from "./steps/project-source-problems.js";
import type { RenderedMeeting } from "../render/render-meeting.js";
import { draftFromItems } from "../render/draft-from-items.js";
import { newIssueBody } from "../publish/publish-occurrence.js";
import { previousFollowUps } from "./steps/previous-follow-ups.js";
import { readInvitedTeams } from "../collect/read-invited-teams.js";
import { unreadableTeamProblem } from "../config/unreadable-team-problem.js";

export interface DraftRequest {
  repo: RepoRef;
  /** May be left out when the repository declares exactly one meeting. */
  meetingId?: string;
  /** Local date of the occurrence (YYYY-MM-DD); default: the next occurrence after `now`. */
  date?: string;
  now: Date;
}

export interface Draft {
  meeting: Meeting;
  occurrence: Occurrence;
  agenda: Agenda;
  rendered: RenderedMeeting;
  /** The issue body exactly as the app would create it: marker, agenda and state, cut to GitHub's limit. */
  issueBody: string;
  /** What is wrong with the meeting's config that did not stop the draft (a scope repository that could not be searched, an exception date that is no occurrence, an invited team the token cannot read), each where it is written. */
  problems: ConfigProblem[];
  /** API calls spent collecting the agenda. */
  searchRequests: number;
  truncated: boolean;
}

/**
 * Drafts one occurrence of a meeting from the items as they are now, writing nothing:
 * the whole pipeline up to render.
 */
export async function draftOccurrence(octokit: GitHub, request: DraftRequest): Promise<Draft> {
  // 1. Config: the repository's own file declares its meetings.
  const { meeting, loaded } = await loadMeeting(octokit, request);

  // 2. Schedule: the requested occurrence, or the next one.
  const schedule = await loadSchedule(meeting.schedule);
  const occurrence = pickOccurrence(meeting, request, schedule);

  // 3. Collect the labelled items in scope.
  const collected = await collectAgendaItems(octokit, meeting);
  const scopeProblems = collected.unreachableRepos.map((repo) => unreachableRepoProblem(loaded, meeting, repo, "the token cannot read it"));
  const searchable = meeting.scope.orgs.length > 0 || meeting.scope.repos.some((repo) => !collected.unreachableRepos.includes(repo));
  if (!searchable) throw new UserError(scopeProblems.map(formatProblem).join("\n"));
  const board = collected.project;
  const boardProblems = board && (!board.found || board.privateBoard)
    ? await projectSourceProblems(octokit, { ...loaded, meetings: [meeting] }, async () => collected.home.private, "the token cannot read it")
    : [];
  if (board && !board.found) throw new UserError(boardProblems.map(formatProblem).join("\n"));

  // 4-5. Agenda model, with the follow-ups of the previous minutes, then render with the repository's templates, if it has its own.
  const previous = schedule.previous(occurrence);
  const followUps = previous && (await previousFollowUps(octokit, meeting, previous));
  // The invited teams as the app reads them for the issue, under the same rule of who is listed.
  const invited = await readInvitedTeams(octokit, meeting, collected.home);
  const teamProblems = invited.unreadable.map((team) => unreadableTeamProblem(loaded, meeting, team));
  const { agenda, rendered } = await draftFromItems(octokit, meeting, occurrence, collected.items, {
    searchUrls: collected.searchUrls,
    truncated: collected.truncated,
    invitedTeams: invited.teams,
    discussionsUnread: collected.discussionsUnread === true,
    ...(followUps && { followUps }),
  });

  // 6. The body as publishing would write it, cut to fit.
  const content = {
    marker: { v: 1 as const, meeting: meeting.id, occurrence: occurrence.key },
    agendaMarkdown: rendered.agendaMarkdown,
    agendaItems: rendered.agendaCut.cut(0).agendaItems,
    facts: [],
    cut: rendered.agendaCut,
  };
  const issueBody = newIssueBody({ issueBody: rendered.issueBody, content });

  const problems = [...exceptionProblems(loaded, [meeting]), ...scopeProblems, ...boardProblems, ...teamProblems];
  return { meeting, occurrence, agenda, rendered, issueBody, problems, searchRequests: collected.requests, truncated: collected.truncated };
}

async function loadMeeting(octokit: GitHub, request: DraftRequest): Promise<{ meeting: Meeting; loaded: LoadedConfig }> {
  const where = `${request.repo.owner}/${request.repo.repo}`;
  const loaded = await loadRepoConfig(octokit, request.repo);
  if (!loaded) {
    throw new UserError(`${where} has no .github/agenda-drafter.yml: it declares no meetings.`);
  }
  const errors = loaded.problems.filter((problem) => problem.severity === "error");
  const ids = loaded.meetings.map((meeting) => meeting.id);
  if (request.meetingId === undefined) {
    if (errors.length > 0) throw new UserError(errors.map(formatProblem).join("\n"));
    if (loaded.meetings.length === 1) return { meeting: loaded.meetings[0]!, loaded };
    if (loaded.meetings.length === 0) throw new UserError(`${where}'s ${CONFIG_PATH} declares no meeting: add one under \`meetings:\`.`);
    throw new UserError(`${where} declares ${ids.length} meetings; choose one with --meeting: ${ids.join(", ")}.`);
  }
  const meeting = loaded.meetings.find((candidate) => candidate.id === request.meetingId);
  if (meeting) return { meeting, loaded };
  const own = errors.filter((problem) => problem.path.startsWith(`meetings.${request.meetingId}`));
  if (own.length > 0 || (errors.length > 0 && ids.length === 0)) {
    throw new UserError((own.length > 0 ? own : errors).map(formatProblem).join("\n"));
  }
  throw new UserError(`${where} declares no meeting "${request.meetingId}"; its meetings: ${ids.join(", ") || "none"}.`);
}

function pickOccurrence(meeting: Meeting, request: DraftRequest, schedule: LoadedSchedule): Occurrence {
  if (request.date === undefined) {
    const next = schedule.next(request.now);
    if (!next) throw new UserError(`Meeting "${meeting.id}" has no occurrence after ${request.now.toISOString()}.`);
    return next;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(request.date)) {
    throw new UserError(`--date must be YYYY-MM-DD, got "${request.date}".`);
  }
  const occurrence = schedule.on(request.date);
  if (!occurrence) {
    throw new UserError(`Meeting "${meeting.id}" has no occurrence on ${request.date} (${meeting.schedule.timezone}).`);
  }
  if (occurrence.cancelled) {
    throw new UserError(`Meeting "${meeting.id}" is cancelled on ${request.date}.`);
  }
  return occurrence;
}

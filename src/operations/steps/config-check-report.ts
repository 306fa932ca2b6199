import type { GitHub, RepoRef } from "../../github.js";
import type { Agenda, AgendaItem, Meeting, RepoFullName } from "../../model.js";
import { buildAgenda } from "../../agenda/build-agenda.js";
import { CONFIG_PATH } from "../../config/load-config.js";
import { formatProblem, type ConfigProblem } from "../../config/problem.js";
import { checkTemplate } from "../../render/compile-template.js";
import { escapeMarkdown } from "../../render/escape-markdown.js";
import { renderMeeting } from "../../render/render-meeting.js";
import { TemplateError } from "../../render/template-error.js";
import type { CheckAnnotation, CheckRunReport } from "../../publish/create-check-run.js";
import { loadRepoConfig } from "../../config/load-config.js";
import { readRepoFile } from "../../config/read-repo-file.js";
import { exceptionProblems } from "./exception-problems.js";
import { scopeRepoProblems } from "./scope-repo-problems.js";
import { projectSourceProblems } from "./project-source-problems.js";
import { discussionSourceProblems } from "./discussion-source-problems.js";
import { invitedTeamProblems } from "./invited-team-problems.js";

export const CONFIG_CHECK_NAME = "agenda-drafter config";

/**
 * A config with more meetings than this gets only their first ones' templates rendered: a render
 * is bounded (2 s), and a pull request may declare any number of meetings.
 */
const MOST_MEETINGS_RENDERED = 10;

/** Whether a change to these files calls for a config check: the config file or a template of a meeting. */
export function touchesConfig(changedFiles: string[], templatePaths: string[]): boolean {
  return changedFiles.some((file) => file === CONFIG_PATH || templatePaths.includes(file));
}

/**
 * The config check of one commit: every problem of `.github/agenda-drafter.yml` and of the
 * meetings' templates as an annotation with its file, line and key path, or a summary of the
 * meetings the file declares.
 */
export async function configCheckReport(octokit: GitHub, repo: RepoRef, sha: string): Promise<CheckRunReport> {
  const report = (conclusion: CheckRunReport["conclusion"], title: string, summary: string, annotations: CheckAnnotation[] = []) => ({
    name: CONFIG_CHECK_NAME,
    headSha: sha,
    conclusion,
    title,
    summary,
    annotations,
  });
  const config = await loadRepoConfig(octokit, repo, sha);
  if (!config) return report("neutral", "No meetings", `This commit has no \`${CONFIG_PATH}\`: the repository declares no meetings.`);
  const homePrivate = async () => (await octokit.rest.repos.get({ ...repo })).data.private;
  const remote = [
    ...(await scopeRepoProblems(octokit, config)),
    ...(await projectSourceProblems(octokit, config, homePrivate)),
    ...(await discussionSourceProblems(octokit, config)),
    ...(await invitedTeamProblems(octokit, config)),
  ];
  const loaded = { ...config, problems: [...config.problems, ...exceptionProblems(config), ...remote] };

  const templateProblems: TemplateError[] = [];
  const withTemplates = loaded.meetings.filter((meeting) => Object.keys(meeting.templates).length > 0);
  for (const meeting of withTemplates.slice(0, MOST_MEETINGS_RENDERED)) templateProblems.push(...(await templateProblemsOf(octokit, { ...repo, sha }, meeting)));
  const unchecked = withTemplates.length - MOST_MEETINGS_RENDERED;

  const errors = loaded.problems.filter((problem) => problem.severity === "error");
  const annotations = [
    ...loaded.problems.map(configAnnotation),
    ...templateProblems.map(
      (problem): CheckAnnotation => ({
        path: problem.file,
        line: problem.line ?? 1,
        level: "failure",
        title: "Template error",
        message: problem.reason,
      }),
    ),
  ];
  const problemList = [...shownProblems(loaded.problems), ...templateProblems.map((problem) => problem.message)];
  const meetingList = loaded.meetings.map(describeMeeting);
  const summary = [
    ...(problemList.length > 0 ? ["Problems:", "", ...problemList.map((line) => `- ${line}`), ""] : []),
    loaded.meetings.length > 0 ? "Meetings declared:" : "No meeting is usable.",
    ...(meetingList.length > 0 ? ["", ...meetingList] : []),
    ...(unchecked > 0 ? ["", `The templates of ${unchecked} more meeting${unchecked === 1 ? "" : "s"} were not rendered: a check renders those of ${MOST_MEETINGS_RENDERED} at most.`] : []),
  ].join("\n");

  const failed = errors.length + templateProblems.length;
  return failed > 0
    ? report("failure", `${failed} problem${failed === 1 ? "" : "s"} in the meeting config`, summary, annotations)
    : report("success", `${loaded.meetings.length} meeting${loaded.meetings.length === 1 ? "" : "s"} declared`, summary, annotations);
}

/**
 * What is wrong with a meeting's own templates: each must compile, and both must render a sample
 * agenda within the limits of a render (renderBounded), as every refresh will.
 */
async function templateProblemsOf(octokit: GitHub, at: RepoRef & { sha: string }, meeting: Meeting): Promise<TemplateError[]> {
  const problems: TemplateError[] = [];
  const templates: { issue?: string; minutes?: string } = {};
  for (const kind of ["issue", "minutes"] as const) {
    const path = meeting.templates[kind];
    if (path === undefined) continue;
    const source = await readRepoFile(octokit, { owner: at.owner, repo: at.repo, path }, at.sha);
    if (source === null) continue; // the config's own problems already name a missing template
    const problem = await templateProblem(() => checkTemplate(source, path));
    // One file may be both templates: its problem is reported once.
    if (problem) problems.push(...(problems.some((known) => known.file === path) ? [] : [problem]));
    else templates[kind] = source;
  }
  if (problems.length > 0 || Object.keys(templates).length === 0) return problems;
  const rendered = await templateProblem(() => renderMeeting({ agenda: sampleAgenda(meeting), templates, templateFiles: meeting.templates }));
  return rendered ? [rendered] : [];
}

async function templateProblem(check: () => unknown): Promise<TemplateError | undefined> {
  try {
    await check();
    return undefined;
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
}

/** An agenda like a real one, to render a meeting's templates once: an issue and a pull request of its home repo. */
function sampleAgenda(meeting: Meeting): Agenda {
  const repo: RepoFullName = `${meeting.home.owner}/${meeting.home.repo}`;
  const item = (number: number, kind: AgendaItem["kind"]): AgendaItem => ({
    repo,
    number,
    kind,
    title: `A sample ${kind === "issue" ? "issue" : "pull request"} of the agenda`,
    url: `https://github.com/${repo}/${kind === "issue" ? "issues" : "pull"}/${number}`,
    author: "octocat",
    labels: meeting.agendaLabels,
    createdAt: "2024-03-01T12:00:00Z",
    updatedAt: "2024-03-01T12:00:00Z",
  });
  const occurrence = { key: "2024-03-28", date: "2024-03-28", start: "2024-03-28T16:00:00.000Z", end: "2024-03-28T17:00:00.000Z" };
  return buildAgenda(meeting, occurrence, [item(2, "issue"), item(1, "pull_request")], { searchUrls: [`https://github.com/search?q=repo%3A${repo}&type=issues`] });
}

/**
 * Extended files live in other repositories, which may be private while this check run is public
 * to whoever can see the commit: their problems are named by file only, never by their keys or
 * values, pinned to the own file's `_extends` here.
 */
function configAnnotation(problem: ConfigProblem): CheckAnnotation {
  const own = problem.file === CONFIG_PATH;
  return {
    path: CONFIG_PATH,
    line: own ? (problem.line ?? 1) : 1,
    level: problem.severity === "error" ? "failure" : "warning",
    title: own ? (problem.path === "" ? "Config" : problem.path) : "_extends",
    message: own ? problem.message : extendedProblem(problem.file),
  };
}

/** The summary's problem lines: the own file's in full, an extended file's by its name only. */
function shownProblems(problems: ConfigProblem[]): string[] {
  const own = problems.filter((problem) => problem.file === CONFIG_PATH).map(formatProblem);
  const extended = [...new Set(problems.filter((problem) => problem.file !== CONFIG_PATH).map((problem) => problem.file))];
  return [...own, ...extended.map(extendedProblem)];
}

function extendedProblem(file: string): string {
  return `${escapeMarkdown(file)}, which \`_extends\` names, has problems; this check does not show them, since that file may be another repository's: fix it there.`;
}

/** The summary line of one declared meeting. */
export function describeMeeting(meeting: Meeting): string {
  // Every value is escaped: defaults may come from another repository's file, and a label may hold backticks.
  const scope =
    meeting.scope.orgs.length > 0
      ? `org${meeting.scope.orgs.length === 1 ? "" : "s"} ${escapeMarkdown(meeting.scope.orgs.join(", "))}`
      : escapeMarkdown(meeting.scope.repos.join(", "));
  // A calendar's address may hold the secret token of a private calendar: it is not shown.
  const when =
    meeting.schedule.kind === "rrule"
      ? escapeMarkdown(`from ${meeting.schedule.start} ${meeting.schedule.timezone}${meeting.schedule.rrule ? `, ${meeting.schedule.rrule}` : ", once"}`)
      : "from an iCalendar feed";
  const dryRun = meeting.dryRun ? " **Dry run: the app only logs what it would write.**" : "";
  return `- **${escapeMarkdown(meeting.id)}** (${escapeMarkdown(meeting.name)}): labels ${meeting.agendaLabels.map((label) => escapeMarkdown(label)).join(", ")} in ${scope}; ${when}.${dryRun}`;
}

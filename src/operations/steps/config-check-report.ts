import type { GitHub, RepoRef } from "../../github.js";
import type { Meeting } from "../../model.js";
import { CONFIG_PATH } from "../../config/load-config.js";
import { formatProblem, type ConfigProblem } from "../../config/problem.js";
import { compileTemplate } from "../../render/compile-template.js";
import { escapeMarkdown } from "../../render/escape-markdown.js";
import { TemplateError } from "../../render/template-error.js";
import type { CheckAnnotation, CheckRunReport } from "../../publish/create-check-run.js";
import { loadRepoConfig } from "../../config/load-config.js";
import { readRepoFile } from "../../config/read-repo-file.js";

export const CONFIG_CHECK_NAME = "agenda-drafter config";

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
  const loaded = await loadRepoConfig(octokit, repo, sha);
  if (!loaded) return report("neutral", "No meetings", `This commit has no \`${CONFIG_PATH}\`: the repository declares no meetings.`);

  const templateProblems: TemplateError[] = [];
  for (const meeting of loaded.meetings) {
    for (const path of new Set(Object.values(meeting.templates))) {
      const source = await readRepoFile(octokit, { ...repo, path }, sha);
      if (source === null) continue; // the config's own problems already name a missing template
      try {
        compileTemplate(source, path);
      } catch (error) {
        if (error instanceof TemplateError) templateProblems.push(error);
        else throw error;
      }
    }
  }

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
  const problemList = [...loaded.problems.map(formatProblem), ...templateProblems.map((problem) => problem.message)];
  const meetingList = loaded.meetings.map(describeMeeting);
  const summary = [
    ...(problemList.length > 0 ? ["Problems:", "", ...problemList.map((line) => `- ${line}`), ""] : []),
    loaded.meetings.length > 0 ? "Meetings declared:" : "No meeting is usable.",
    ...(meetingList.length > 0 ? ["", ...meetingList] : []),
  ].join("\n");

  const failed = errors.length + templateProblems.length;
  return failed > 0
    ? report("failure", `${failed} problem${failed === 1 ? "" : "s"} in the meeting config`, summary, annotations)
    : report("success", `${loaded.meetings.length} meeting${loaded.meetings.length === 1 ? "" : "s"} declared`, summary, annotations);
}

/** Extended files live in other repositories: their problems are in the summary, pinned to the own file here. */
function configAnnotation(problem: ConfigProblem): CheckAnnotation {
  const own = problem.file === CONFIG_PATH;
  return {
    path: CONFIG_PATH,
    line: own ? (problem.line ?? 1) : 1,
    level: problem.severity === "error" ? "failure" : "warning",
    title: problem.path === "" ? "Config" : problem.path,
    message: own ? problem.message : `${problem.file}: ${problem.message}`,
  };
}

/** The summary line of one declared meeting. */
export function describeMeeting(meeting: Meeting): string {
  const scope =
    meeting.scope.orgs.length > 0
      ? `org${meeting.scope.orgs.length === 1 ? "" : "s"} ${meeting.scope.orgs.join(", ")}`
      : meeting.scope.repos.join(", ");
  const when =
    meeting.schedule.kind === "rrule"
      ? `from ${meeting.schedule.start} ${meeting.schedule.timezone}${meeting.schedule.rrule ? `, ${meeting.schedule.rrule}` : ", once"}`
      : `calendar ${meeting.schedule.calendarUrl}`;
  const dryRun = meeting.dryRun ? " **Dry run: the app only logs what it would write.**" : "";
  return `- **${meeting.id}** (${escapeMarkdown(meeting.name)}): labels ${meeting.agendaLabels.map((label) => `\`${label}\``).join(", ")} in ${scope}; ${when}.${dryRun}`;
}

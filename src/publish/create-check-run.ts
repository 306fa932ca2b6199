import type { GitHub, RepoRef } from "../github.js";

export interface CheckAnnotation {
  path: string;
  line: number;
  level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

export interface CheckRunReport {
  name: string;
  headSha: string;
  conclusion: "success" | "failure" | "neutral";
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

/** GitHub takes at most 50 annotations per request; the rest follow in updates of the same run. */
const ANNOTATIONS_PER_REQUEST = 50;

/** Creates a completed check run on a commit. */
export async function createCheckRun(octokit: GitHub, repo: RepoRef, report: CheckRunReport): Promise<number> {
  const batches: CheckAnnotation[][] = [];
  for (let at = 0; at < report.annotations.length; at += ANNOTATIONS_PER_REQUEST) {
    batches.push(report.annotations.slice(at, at + ANNOTATIONS_PER_REQUEST));
  }
  const output = (annotations: CheckAnnotation[]) => ({
    title: report.title,
    summary: report.summary,
    ...(annotations.length > 0 && {
      annotations: annotations.map((annotation) => ({
        path: annotation.path,
        start_line: annotation.line,
        end_line: annotation.line,
        annotation_level: annotation.level,
        title: annotation.title,
        message: annotation.message,
      })),
    }),
  });
  const { data: run } = await octokit.rest.checks.create({
    ...repo,
    name: report.name,
    head_sha: report.headSha,
    status: "completed",
    conclusion: report.conclusion,
    completed_at: new Date().toISOString(),
    output: output(batches[0] ?? []),
  });
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({ ...repo, check_run_id: run.id, output: output(batch) });
  }
  return run.id;
}

/** Something wrong with a config file, pinned to where it is written. */
export interface ConfigProblem {
  /** The file as the user knows it: `.github/agenda-drafter.yml`, or `owner/repo:path` for an extended file. */
  file: string;
  /** Key path inside the file, e.g. `meetings.security-wg.schedule.timezone`; empty for the whole file. */
  path: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  message: string;
  /** An error stops what it concerns (a meeting, or the whole file) from being used; a warning does not. */
  severity: "error" | "warning";
}

/** `.github/agenda-drafter.yml:12:5: meetings.security-wg.schedule.timezone: <message>`, the way compilers report. */
export function formatProblem(problem: ConfigProblem): string {
  const position = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(":");
  const severity = problem.severity === "warning" ? "warning: " : "";
  const path = problem.path ? `${problem.path}: ` : "";
  return `${position}: ${severity}${path}${problem.message}`;
}

import { UserError } from "../errors.js";

export interface TemplateProblem {
  /** The template's path in its repository, or the config key it came from. */
  file: string;
  /** 1-based, when known. */
  line?: number;
  /** 1-based, when known. */
  column?: number;
  /** What is wrong, without the location. */
  message: string;
}

/**
 * A template that does not compile or render. People wrote it, so it is reported to them;
 * the default template is never substituted silently.
 */
export class TemplateError extends UserError {
  override name = "TemplateError";
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** What is wrong, without the location (`message` has both). */
  readonly reason: string;

  constructor(problem: TemplateProblem) {
    super(`${formatLocation(problem)}: ${problem.message}`);
    this.file = problem.file;
    this.reason = problem.message;
    if (problem.line !== undefined) this.line = problem.line;
    if (problem.column !== undefined) this.column = problem.column;
  }
}

function formatLocation({ file, line, column }: TemplateProblem): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

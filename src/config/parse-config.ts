import { LineCounter, parseDocument } from "yaml";
import { createLocator, type Locator } from "./locate.js";
import type { ConfigProblem } from "./problem.js";
import { configFileSchema, type RawConfigFile } from "./schema.js";
import { genericIssueMessage, problemsFromZodIssues } from "./zod-problems.js";

export interface ParsedConfig {
  /**
   * The file's valid content; meetings whose entry has a problem are left out. Absent when the
   * file cannot be used at all (a YAML syntax error, or a problem outside `meetings`).
   */
  raw?: RawConfigFile;
  problems: ConfigProblem[];
  /** Where a key path is written in the file, for problems found later. */
  locate: Locator;
}

/** Parses and validates the text of one config file named `file`. */
export function parseConfig(text: string, file: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const locate = createLocator(doc, lineCounter);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map(
      (error): ConfigProblem => ({
        file,
        path: "",
        line: error.linePos?.[0].line,
        column: error.linePos?.[0].col,
        message: `YAML syntax error: ${error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "")}`,
        severity: "error",
      }),
    );
    return { problems, locate };
  }

  const content: unknown = doc.toJS() ?? {};
  const parsed = configFileSchema.safeParse(content, { reportInput: true, error: genericIssueMessage });
  if (parsed.success) return { raw: parsed.data, problems: [], locate };

  const problems = problemsFromZodIssues(parsed.error.issues, { file, locate, schema: configFileSchema }).sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const invalidMeetings = new Set<string>();
  let fileInvalid = false;
  for (const { path } of parsed.error.issues) {
    if (path[0] === "meetings" && path.length >= 2) invalidMeetings.add(String(path[1]));
    else fileInvalid = true;
  }
  if (fileInvalid) return { problems, locate };

  // Only meeting entries are wrong: the others stay usable.
  const { meetings, ...rest } = content as { meetings: Record<string, unknown> };
  const validMeetings = Object.fromEntries(Object.entries(meetings).filter(([id]) => !invalidMeetings.has(id)));
  const reparsed = configFileSchema.safeParse({ ...rest, meetings: validMeetings });
  return { raw: reparsed.success ? reparsed.data : undefined, problems, locate };
}

import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import { handlebarsSyntaxProblem } from "./handlebars-syntax-error.js";
import { CONFIG_PATH } from "./load-config.js";
import type { ConfigProblem } from "./problem.js";
import { readRepoFile } from "./read-repo-file.js";

export interface LoadedTemplates {
  issue?: string;
  minutes?: string;
  problems: ConfigProblem[];
}

/**
 * Reads the meeting's own issue and minutes templates from its home repository. A template that is
 * configured but missing or not valid Handlebars is left out with a problem.
 */
export async function loadTemplates(octokit: GitHub, meeting: Meeting): Promise<LoadedTemplates> {
  const loaded: LoadedTemplates = { problems: [] };
  for (const kind of ["issue", "minutes"] as const) {
    const path = meeting.templates[kind];
    if (path === undefined) continue;
    const report = (message: string) =>
      loaded.problems.push({ file: CONFIG_PATH, path: `meetings.${meeting.id}.templates.${kind}`, message, severity: "error" });
    const text = await readRepoFile(octokit, { ...meeting.home, path });
    if (text === null) {
      report(`\`${path}\` does not exist in ${meeting.home.owner}/${meeting.home.repo}`);
      continue;
    }
    const syntax = handlebarsSyntaxProblem(text);
    if (syntax !== undefined) {
      report(`\`${path}:${syntax.line}${syntax.column === undefined ? "" : `:${syntax.column}`}\` is not a valid Handlebars template: ${syntax.message}`);
      continue;
    }
    loaded[kind] = text;
  }
  return loaded;
}

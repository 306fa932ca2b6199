import type { GitHub } from "../../github.js";
import { readProjectField } from "../../collect/read-project-field.js";
import { formatKeyPath } from "../../config/key-path.js";
import { CONFIG_PATH, type LoadedConfig } from "../../config/load-config.js";
import type { ConfigProblem } from "../../config/problem.js";
import type { Meeting, ProjectSource } from "../../model.js";

/** A config check reads at most this many boards: a file may declare any number of meetings. */
const MOST_PROJECTS_READ = 20;

type Key = keyof ProjectSource;

/**
 * The meetings' `sources.project` checked against GitHub: the owner and the board exist and the
 * app may read the board, the field exists and is a single-select or text field, the value is one
 * of a single-select field's options, and a private board does not feed a public home repo. Each
 * problem is pinned to its key where it is written.
 */
export async function projectSourceProblems(
  octokit: GitHub,
  loaded: LoadedConfig,
  homePrivate: () => Promise<boolean>,
  reader = "the app may not read it (it needs the Projects permission on the organization, read)",
): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  const meetings = loaded.meetings.filter((meeting) => meeting.sources?.project).slice(0, MOST_PROJECTS_READ);
  for (const meeting of meetings) {
    const source = meeting.sources?.project as ProjectSource;
    const problem = await problemOf(octokit, source, homePrivate, reader);
    if (problem) problems.push(pinned(loaded, meeting, problem.key, problem.message));
  }
  return problems;
}

async function problemOf(octokit: GitHub, source: ProjectSource, homePrivate: () => Promise<boolean>, reader: string): Promise<{ key: Key; message: string } | undefined> {
  const read = await readProjectField(octokit, source);
  if (read.kind === "no-owner") return { key: "owner", message: `\`${source.owner}\` is not a GitHub organization or user` };
  if (read.kind === "no-project") {
    return { key: "number", message: `\`${source.owner}\` has no project ${source.number}, or ${reader}` };
  }
  const field = read.field;
  if (!field) return { key: "field", message: `project ${source.number} of \`${source.owner}\` has no field \`${source.field}\`` };
  if (field.kind === "other") return { key: "field", message: `\`${field.name}\` is a ${field.type} field; the agenda's field must be a single-select or text field` };
  if (field.kind === "single-select" && !field.options.some((option) => option.toLowerCase() === source.value.trim().toLowerCase())) {
    return { key: "value", message: `\`${source.value}\` is not an option of \`${field.name}\` (${field.options.map((option) => `\`${option}\``).join(", ") || "it has none"})` };
  }
  if (!read.public && !(await homePrivate())) {
    return { key: "number", message: `project ${source.number} of \`${source.owner}\` is private and this repository is public: its items are not shown (make the board public, or the home repository private)` };
  }
  return undefined;
}

/** The problem at `sources.project.<key>` of the meeting's own entry, of the file's `defaults`, or else of the extended file it came from. */
function pinned(loaded: LoadedConfig, meeting: Meeting, key: Key, message: string): ConfigProblem {
  const own = loaded.own;
  for (const layer of [["meetings", meeting.id], ["defaults"]]) {
    const entry = layer.length === 2 ? own?.raw.meetings?.[meeting.id] : own?.raw.defaults;
    if (!own || entry?.sources?.project?.[key] === undefined) continue;
    const path = [...layer, "sources", "project", key];
    return { file: CONFIG_PATH, path: formatKeyPath(path), ...own.locate(path, "value"), message, severity: "error" };
  }
  const extended = loaded.files[1];
  const file = extended ? `${extended.owner}/${extended.repo}:${extended.path}` : CONFIG_PATH;
  return { file, path: `meetings.${meeting.id}.sources.project.${key}`, message, severity: "error" };
}

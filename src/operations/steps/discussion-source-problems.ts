import type { GitHub } from "../../github.js";
import { readDiscussionCategories, type DiscussionCategories } from "../../collect/read-discussion-categories.js";
import { closestKey } from "../../config/closest-key.js";
import { formatKeyPath } from "../../config/key-path.js";
import { CONFIG_PATH, type LoadedConfig } from "../../config/load-config.js";
import type { ConfigProblem } from "../../config/problem.js";
import type { RawMeeting } from "../../config/schema.js";
import type { DiscussionSource, Meeting, RepoFullName } from "../../model.js";

/** A config check reads at most this many meetings' discussions: a file may declare any number. */
const MOST_MEETINGS_READ = 20;

/**
 * The meetings' `sources.discussions` checked against GitHub: each category is one of the scope's
 * repositories' (for an organization scope, of the home repo's: an organization's repositories
 * are too many to read), and the home repo has its discussions on. Each problem is pinned to its
 * key where it is written. A repository the app cannot read is the scope's own problem.
 */
export async function discussionSourceProblems(octokit: GitHub, loaded: LoadedConfig): Promise<ConfigProblem[]> {
  const read = new Map<string, Promise<DiscussionCategories>>();
  const readOnce = (repo: RepoFullName) => {
    const key = repo.toLowerCase();
    if (!read.has(key)) read.set(key, readDiscussionCategories(octokit, repo));
    return read.get(key) as Promise<DiscussionCategories>;
  };
  const problems: ConfigProblem[] = [];
  for (const meeting of loaded.meetings.filter((each) => each.sources?.discussions).slice(0, MOST_MEETINGS_READ)) {
    const source = meeting.sources?.discussions as DiscussionSource;
    const home: RepoFullName = `${meeting.home.owner}/${meeting.home.repo}`;
    const repos = [...new Set([home, ...meeting.scope.repos])];
    const found: { repo: RepoFullName; read: DiscussionCategories }[] = [];
    for (const repo of repos) found.push({ repo, read: await readOnce(repo) });
    const homeRead = found[0]?.read;
    if (homeRead?.kind === "refused") {
      const message = "the app may not read discussions (it needs the Discussions permission, read): the agenda lists issues and pull requests only";
      problems.push(pinned(loaded, meeting, () => [], message, "warning"));
      continue;
    }
    if (homeRead?.kind === "found" && !homeRead.enabled) {
      const message = `\`${home}\` has its discussions turned off: its own discussions cannot be agenda items${repos.length > 1 || meeting.scope.orgs.length > 0 ? ", other repositories' of the scope can" : ""}`;
      problems.push(pinned(loaded, meeting, () => [], message, "warning"));
    }
    // A repository with its discussions off has no say: the warning above, or nothing for another scope repo.
    const readable = found.flatMap(({ repo, read }) => (read.kind === "found" && read.enabled ? [{ repo, categories: read.categories }] : []));
    if (readable.length === 0) continue;
    const known = [...new Map(readable.flatMap(({ categories }) => categories.map((name) => [name.toLowerCase(), name] as const))).values()];
    for (const category of source.categories) {
      if (known.some((name) => name.toLowerCase() === category.toLowerCase())) continue;
      const where = readable.map(({ repo }) => `\`${repo}\``).join(", ");
      const suggestion = closestKey(category, known);
      const message = `\`${category}\` is not a discussion category of ${where}${suggestion ? `; did you mean \`${suggestion}\`?` : ""} (${known.length > 0 ? `its categories: ${known.map((name) => `\`${name}\``).join(", ")}` : "it has none"})`;
      problems.push(pinned(loaded, meeting, (written) => categoryIndex(written, category), message, "error"));
    }
  }
  return problems;
}

/** Where a layer writes that category under `sources.discussions`, or undefined. */
function categoryIndex(discussions: NonNullable<NonNullable<RawMeeting["sources"]>["discussions"]>, category: string): PropertyKey[] | undefined {
  if (typeof discussions !== "object") return undefined;
  const index = discussions.categories.findIndex((named) => named.toLowerCase() === category.toLowerCase());
  return index < 0 ? undefined : ["categories", index];
}

/**
 * The problem at `sources.discussions` (and below it, where `within` finds it) of the meeting's own
 * entry, of the file's `defaults`, or else of the extended file it came from.
 */
function pinned(
  loaded: LoadedConfig,
  meeting: Meeting,
  within: (discussions: NonNullable<NonNullable<RawMeeting["sources"]>["discussions"]>) => PropertyKey[] | undefined,
  message: string,
  severity: ConfigProblem["severity"],
): ConfigProblem {
  const own = loaded.own;
  for (const layer of [["meetings", meeting.id], ["defaults"]]) {
    const entry = layer.length === 2 ? own?.raw.meetings?.[meeting.id] : own?.raw.defaults;
    const written = entry?.sources?.discussions;
    const below = written === undefined ? undefined : within(written);
    if (!own || below === undefined) continue;
    const path = [...layer, "sources", "discussions", ...below];
    return { file: CONFIG_PATH, path: formatKeyPath(path), ...own.locate(path, "value"), message, severity };
  }
  const extended = loaded.files[1];
  const file = extended ? `${extended.owner}/${extended.repo}:${extended.path}` : CONFIG_PATH;
  return { file, path: `meetings.${meeting.id}.sources.discussions`, message, severity };
}

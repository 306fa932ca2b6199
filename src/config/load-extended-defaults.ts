import type { GitHub } from "../github.js";
import { extendsTarget, type ConfigFileRef } from "./extends-target.js";
import type { Locator } from "./locate.js";
import { mergeLayers } from "./merge-layers.js";
import { parseConfig } from "./parse-config.js";
import type { ConfigProblem } from "./problem.js";
import { readRepoFile, type KnownFiles } from "./read-repo-file.js";
import type { RawMeeting } from "./schema.js";

const MAX_EXTENDS_DEPTH = 5;

export interface ExtendsLink {
  /** The `_extends` value. */
  value: string;
  /** The file that says it, and its name and locator for problems. */
  from: ConfigFileRef;
  fromName: string;
  locate: Locator;
}

export interface ExtendedDefaults {
  /**
   * The `defaults` of the extended files merged, nearer files winning. Undefined when the chain is
   * broken: meetings built without part of their defaults would silently run with other settings.
   */
  defaults?: RawMeeting;
  problems: ConfigProblem[];
  /** The extended files read, nearest first. */
  files: ConfigFileRef[];
}

/** Follows an `_extends` chain and takes the `defaults` of every file on it. */
export async function loadExtendedDefaults(octokit: GitHub, first: ExtendsLink, known?: KnownFiles): Promise<ExtendedDefaults> {
  const problems: ConfigProblem[] = [];
  const files: ConfigFileRef[] = [];
  const layers: RawMeeting[] = [];
  const visited = new Set([fileKey(first.from)]);

  let next: ExtendsLink | undefined = first;
  for (let depth = 1; next; depth++) {
    const link: ExtendsLink = next;
    const fail = (message: string) => {
      problems.push({ file: link.fromName, path: "_extends", ...link.locate(["_extends"]), message, severity: "error" });
    };
    const target = extendsTarget(link.value, link.from);
    if (!target) {
      fail(`\`${link.value}\` is not \`repo\`, \`owner/repo\` or \`owner/repo:path/to/file.yml\``);
      break;
    }
    const targetName = fileName(target);
    const refusal = chainRefusal(link, target, visited, depth);
    if (refusal) {
      fail(refusal);
      break;
    }
    visited.add(fileKey(target));
    const text = await readRepoFile(octokit, target, undefined, known);
    if (text === null) {
      fail(
        link.value === targetName
          ? `\`${link.value}\` does not exist`
          : `\`${link.value}\` names ${targetName}, which does not exist`,
      );
      break;
    }
    files.push(target);

    const parsed = parseConfig(text, targetName);
    // Meetings of an extended file belong to its own repository; only its defaults matter here.
    problems.push(...parsed.problems.filter((problem) => !problem.path.startsWith("meetings.")));
    if (!parsed.raw) break;
    if (parsed.raw.meetings !== undefined) {
      problems.push({
        file: targetName,
        path: "meetings",
        ...parsed.locate(["meetings"], "key"),
        message: "ignored: an extended file gives only `defaults`",
        severity: "warning",
      });
    }
    if (parsed.raw.defaults) layers.push(parsed.raw.defaults);
    next =
      parsed.raw._extends === undefined
        ? undefined
        : { value: parsed.raw._extends, from: target, fromName: targetName, locate: parsed.locate };
  }

  const broken = problems.some((problem) => problem.severity === "error");
  return { defaults: broken ? undefined : mergeLayers(...layers.reverse()), problems, files };
}

/** Why the chain must stop before `target`: a cycle, or too deep. */
function chainRefusal(link: ExtendsLink, target: ConfigFileRef, visited: Set<string>, depth: number): string | undefined {
  if (visited.has(fileKey(target))) return `\`${link.value}\` leads back to ${fileName(target)}: the files extend each other in a cycle`;
  if (depth > MAX_EXTENDS_DEPTH) return `\`${link.value}\` goes more than ${MAX_EXTENDS_DEPTH} files deep; shorten the \`_extends\` chain`;
  return undefined;
}

/** How problems name a file of another repository, in the `_extends` notation. */
function fileName(file: ConfigFileRef): string {
  return `${file.owner}/${file.repo}:${file.path}`;
}

function fileKey(file: ConfigFileRef): string {
  return fileName(file).toLowerCase();
}

import type { RepoRef } from "../github.js";

export interface ConfigFileRef extends RepoRef {
  path: string;
}

// Probot's `_extends` convention: `repo`, `owner/repo`, either optionally followed by `:path.yml`.
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

/**
 * The file an `_extends` value names, relative to the file that says it: the owner defaults to
 * that file's owner and the path to that file's path. Undefined when the value is malformed.
 */
export function extendsTarget(value: string, from: ConfigFileRef): ConfigFileRef | undefined {
  const match = EXTENDS.exec(value.trim());
  if (!match) return undefined;
  const [, owner, repo, path] = match;
  return { owner: owner ?? from.owner, repo: repo ?? from.repo, path: path ?? from.path };
}

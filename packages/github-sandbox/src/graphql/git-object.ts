import { GraphQLError } from "graphql";
import { findPath } from "../git-store.js";
import type { RepoRecord } from "../state.js";

// `Repository.object(expression: "<rev>:<path>")`, as git's rev-parse reads it: `HEAD` or a
// branch name or a commit sha, then a path in its tree. GitHub answers null when nothing is
// there, and gives a blob's `text` (null when binary) up to 512 KB, cut and marked truncated past it.

const MAX_TEXT_BYTES = 512 * 1024;

export function gitObjectNode(repo: RepoRecord, { expression, oid }: { expression?: string | null; oid?: string | null }) {
  if (oid) return objectNode(repo, oid);
  if (!expression) throw new GraphQLError("Either `oid` or `expression` must be given to `object`.");
  const colon = expression.indexOf(":");
  const revision = colon === -1 ? expression : expression.slice(0, colon);
  const commit = commitOf(repo, revision);
  if (!commit) return null;
  if (colon === -1) return objectNode(repo, commit);
  const found = findPath(repo, commit, expression.slice(colon + 1));
  return found ? objectNode(repo, found.sha) : null;
}

function commitOf(repo: RepoRecord, revision: string): string | undefined {
  if (revision === "HEAD" || revision === "") return repo.refs.get(`refs/heads/${repo.defaultBranch}`);
  return repo.refs.get(`refs/heads/${revision}`) ?? repo.refs.get(`refs/tags/${revision}`) ?? (repo.objects.has(revision) ? revision : undefined);
}

function objectNode(repo: RepoRecord, sha: string) {
  const object = repo.objects.get(sha);
  if (!object) return null;
  const common = { id: Buffer.from(`GitObject:${sha}`).toString("base64"), oid: sha, abbreviatedOid: sha.slice(0, 7) };
  if (object.type === "commit") return { __typename: "Commit", ...common, message: object.message, messageHeadline: object.message.split("\n")[0] ?? "" };
  if (object.type === "tree") return { __typename: "Tree", ...common };
  const binary = object.content.includes(0);
  return {
    __typename: "Blob",
    ...common,
    byteSize: object.content.length,
    isBinary: binary,
    isTruncated: object.content.length > MAX_TEXT_BYTES,
    text: binary ? null : object.content.subarray(0, MAX_TEXT_BYTES).toString("utf8"),
  };
}

import { createHash } from "node:crypto";
import type { GitObject, GitSignature, RepoRecord, TreeEntry } from "./state.js";

// Git objects hashed exactly as git hashes them, so shas look and behave like GitHub's.

/** The sha git and GitHub write for "no commit": the `before` of a new ref, the `after` of a deleted one. */
export const ZERO_SHA = "0".repeat(40);

export function storeObject(repo: RepoRecord, object: GitObject): string {
  const sha = createHash("sha1").update(encode(object)).digest("hex");
  repo.objects.set(sha, object);
  return sha;
}

/** Stores the tree of `files` (path → text), creating the trees of their folders. */
export function storeFileTree(repo: RepoRecord, files: Record<string, string>): string {
  const blobs = new Map<string, FlatEntry>(
    Object.entries(files).map(([path, text]) => [
      path,
      { mode: "100644", type: "blob", sha: storeObject(repo, { type: "blob", content: Buffer.from(text, "utf8") }) },
    ]),
  );
  return storeFlatTree(repo, blobs);
}

/** The object at `path` in the tree of `commitSha`, or undefined; "" is the root tree. */
export function findPath(repo: RepoRecord, commitSha: string, path: string): { sha: string; object: GitObject } | undefined {
  const commit = repo.objects.get(commitSha);
  if (commit?.type !== "commit") return undefined;
  let sha = commit.tree;
  for (const part of path.split("/").filter((segment) => segment !== "")) {
    const tree = repo.objects.get(sha);
    if (tree?.type !== "tree") return undefined;
    const entry = tree.entries.find((candidate) => candidate.path === part);
    if (!entry) return undefined;
    sha = entry.sha;
  }
  const object = repo.objects.get(sha);
  return object ? { sha, object } : undefined;
}

/** A file in a flattened tree: its mode and blob (or submodule commit) sha. */
export interface FlatEntry {
  mode: TreeEntry["mode"];
  type: TreeEntry["type"];
  sha: string;
}

/** Every file under a tree, by full path; folders are implied by the paths. */
export function flattenTree(repo: RepoRecord, treeSha: string, prefix = ""): Map<string, FlatEntry> {
  const files = new Map<string, FlatEntry>();
  const tree = repo.objects.get(treeSha);
  if (tree?.type !== "tree") return files;
  for (const entry of tree.entries) {
    const path = `${prefix}${entry.path}`;
    if (entry.type === "tree") for (const [inner, file] of flattenTree(repo, entry.sha, `${path}/`)) files.set(inner, file);
    else files.set(path, { mode: entry.mode, type: entry.type, sha: entry.sha });
  }
  return files;
}

/** Stores the trees of a flattened tree and returns the root's sha. */
export function storeFlatTree(repo: RepoRecord, files: Map<string, FlatEntry>): string {
  const root: FlatFolder = new Map();
  for (const [path, file] of files) {
    const parts = path.split("/").filter((part) => part !== "");
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let child = folder.get(part);
      if (!(child instanceof Map)) {
        child = new Map();
        folder.set(part, child);
      }
      folder = child;
    }
    folder.set(parts.at(-1) ?? path, file);
  }
  return storeFlatFolder(repo, root);
}

type FlatFolder = Map<string, FlatEntry | FlatFolder>;

function storeFlatFolder(repo: RepoRecord, folder: FlatFolder): string {
  const entries: TreeEntry[] = [...folder].map(([name, value]) =>
    value instanceof Map ? { path: name, mode: "040000", type: "tree", sha: storeFlatFolder(repo, value) } : { path: name, ...value },
  );
  return storeObject(repo, { type: "tree", entries });
}

function encode(object: GitObject): Buffer {
  const body = encodeBody(object);
  return Buffer.concat([Buffer.from(`${object.type} ${body.length}\0`), body]);
}

function encodeBody(object: GitObject): Buffer {
  switch (object.type) {
    case "blob":
      return object.content;
    case "tree":
      return Buffer.concat(
        [...object.entries]
          .sort((a, b) => compareTreeNames(a, b))
          .map((entry) =>
            Buffer.concat([Buffer.from(`${entry.mode.replace(/^0/, "")} ${entry.path}\0`), Buffer.from(entry.sha, "hex")]),
          ),
      );
    case "commit":
      return Buffer.from(
        [
          `tree ${object.tree}`,
          ...object.parents.map((parent) => `parent ${parent}`),
          `author ${signature(object.author)}`,
          `committer ${signature(object.committer)}`,
          "",
          object.message,
        ].join("\n"),
      );
  }
}

/** Git sorts tree entries by name, comparing a folder's name as if it ended with "/". */
function compareTreeNames(a: TreeEntry, b: TreeEntry): number {
  const left = a.type === "tree" ? `${a.path}/` : a.path;
  const right = b.type === "tree" ? `${b.path}/` : b.path;
  return left < right ? -1 : left > right ? 1 : 0;
}

function signature(person: GitSignature): string {
  return `${person.name} <${person.email}> ${Math.floor(Date.parse(person.date) / 1000)} +0000`;
}

/** The commit a `ref` names: a branch, a tag, a full ref (`refs/heads/main`) or a commit sha. */
export function resolveCommit(repo: RepoRecord, ref: string): string | undefined {
  const candidates = ref.startsWith("refs/") ? [ref] : [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`];
  for (const candidate of candidates) {
    const sha = repo.refs.get(candidate);
    if (sha) return sha;
  }
  return repo.objects.get(ref)?.type === "commit" ? ref : undefined;
}

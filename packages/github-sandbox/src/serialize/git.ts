import type { GitObject, GitSignature, RepoRecord, TreeEntry } from "../state.js";
import { fullName } from "../state.js";
import type { SandboxUrls } from "../urls.js";

// The git data API's shapes: refs, commits, trees and blobs.

type CommitObject = Extract<GitObject, { type: "commit" }>;

/** GitHub does not sign the sandbox's commits. */
export const UNSIGNED = { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };

export function gitNodeId(prefix: string, repo: RepoRecord, sha: string): string {
  return `${prefix}_kwDO${Buffer.from(`${repo.id}:${sha}`).toString("base64url")}`;
}

/** GitHub's `git-ref`. */
export function serializeGitRef(repo: RepoRecord, ref: string, sha: string, urls: SandboxUrls) {
  const api = `${urls.api}/repos/${fullName(repo)}`;
  const object = repo.objects.get(sha);
  return {
    ref,
    node_id: gitNodeId("REF", repo, ref),
    url: `${api}/git/${ref}`,
    object: { sha, type: object?.type ?? "commit", url: `${api}/git/${object?.type ?? "commit"}s/${sha}` },
  };
}

/** GitHub's `git-commit`. */
export function serializeGitCommit(repo: RepoRecord, sha: string, commit: CommitObject, urls: SandboxUrls) {
  const api = `${urls.api}/repos/${fullName(repo)}`;
  return {
    sha,
    node_id: gitNodeId("C", repo, sha),
    url: `${api}/git/commits/${sha}`,
    html_url: `${urls.web}/${fullName(repo)}/commit/${sha}`,
    author: signature(commit.author),
    committer: signature(commit.committer),
    message: commit.message,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    parents: commit.parents.map((parent) => ({ sha: parent, url: `${api}/git/commits/${parent}`, html_url: `${urls.web}/${fullName(repo)}/commit/${parent}` })),
    verification: UNSIGNED,
  };
}

export function signature(person: GitSignature) {
  return { name: person.name, email: person.email, date: person.date };
}

/** GitHub's `git-tree`; `recursive` lists every entry below the root, folders included. */
export function serializeTree(repo: RepoRecord, sha: string, recursive: boolean, urls: SandboxUrls) {
  const api = `${urls.api}/repos/${fullName(repo)}`;
  const entries = (treeSha: string, prefix: string): TreeEntry[] => {
    const tree = repo.objects.get(treeSha);
    if (tree?.type !== "tree") return [];
    return tree.entries.flatMap((entry) => {
      const listed = { ...entry, path: `${prefix}${entry.path}` };
      return recursive && entry.type === "tree" ? [listed, ...entries(entry.sha, `${listed.path}/`)] : [listed];
    });
  };
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: entries(sha, "").map((entry) => {
      const object = repo.objects.get(entry.sha);
      return {
        path: entry.path,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(object?.type === "blob" ? { size: object.content.length } : {}),
        url: `${api}/git/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`,
      };
    }),
  };
}

/** GitHub sends file contents as base64 in lines of 60 characters. */
export function base64Lines(content: Buffer): string {
  return content.toString("base64").replace(/.{1,60}/g, "$&\n");
}

/** GitHub's `blob`, its content in base64. */
export function serializeBlob(repo: RepoRecord, sha: string, content: Buffer, urls: SandboxUrls) {
  return {
    sha,
    node_id: gitNodeId("B", repo, sha),
    size: content.length,
    url: `${urls.api}/repos/${fullName(repo)}/git/blobs/${sha}`,
    content: base64Lines(content),
    encoding: "base64",
  };
}

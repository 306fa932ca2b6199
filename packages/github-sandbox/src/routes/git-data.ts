import { flattenTree, resolveCommit, storeFlatTree, storeObject, type FlatEntry } from "../git-store.js";
import { GitHubError, notFound, type Route } from "../route.js";
import { serializeBlob, serializeGitCommit, serializeTree } from "../serialize/git.js";
import { fullName, type GitSignature, type TreeEntry } from "../state.js";
import { findReadableRepo } from "./find-repo.js";
import { commitSignatures } from "./git-signature.js";
import { requirePermission } from "./require-permission.js";

interface TreeItem {
  path?: string;
  mode?: TreeEntry["mode"];
  type?: TreeEntry["type"];
  sha?: string | null;
  content?: string;
}

export const gitDataRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/commits/{commit_sha}",
    handle(request) {
      const repo = findReadableRepo(request);
      const sha = request.params["commit_sha"] ?? "";
      const commit = repo.objects.get(sha);
      if (commit?.type !== "commit") throw notFound();
      return { status: 200, body: serializeGitCommit(repo, sha, commit, request.urls) };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/commits",
    handle(request) {
      const repo = findReadableRepo(request);
      requirePermission(request, repo, "write");
      const body = request.body as { message: string; tree: string; parents?: string[]; author?: Partial<GitSignature>; committer?: Partial<GitSignature> };
      if (repo.objects.get(body.tree)?.type !== "tree") throw new GitHubError(422, "Tree SHA does not exist");
      const parents = body.parents ?? [];
      if (parents.some((parent) => repo.objects.get(parent)?.type !== "commit")) {
        throw new GitHubError(422, "Parent SHA does not exist or is not a commit object");
      }
      const commit = { type: "commit" as const, tree: body.tree, parents, message: body.message, ...commitSignatures(request, body) };
      const sha = storeObject(repo, commit);
      return {
        status: 201,
        headers: { location: `${request.urls.api}/repos/${fullName(repo)}/git/commits/${sha}` },
        body: serializeGitCommit(repo, sha, commit, request.urls),
      };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    handle(request) {
      const repo = findReadableRepo(request);
      const given = request.params["tree_sha"] ?? "";
      // GitHub takes a commit, a branch or a tag for the tree of that commit.
      const object = repo.objects.get(given);
      const commitSha = object?.type === "tree" ? undefined : resolveCommit(repo, given);
      const commit = commitSha ? repo.objects.get(commitSha) : undefined;
      const sha = object?.type === "tree" ? given : commit?.type === "commit" ? commit.tree : undefined;
      if (!sha) throw notFound();
      const recursive = request.query.has("recursive") && !["0", "false"].includes(request.query.get("recursive") ?? "");
      return { status: 200, body: serializeTree(repo, sha, recursive, request.urls) };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/trees",
    handle(request) {
      const repo = findReadableRepo(request);
      requirePermission(request, repo, "write");
      const body = request.body as { tree: TreeItem[]; base_tree?: string };
      let files = new Map<string, FlatEntry>();
      if (body.base_tree !== undefined) {
        if (repo.objects.get(body.base_tree)?.type !== "tree") throw new GitHubError(422, "Invalid tree info", [{ resource: "Tree", field: "base_tree", code: "invalid" }]);
        files = flattenTree(repo, body.base_tree);
      }
      body.tree.forEach((item, index) => applyTreeItem(repo, files, item, index));
      const sha = storeFlatTree(repo, files);
      return { status: 201, headers: { location: `${request.urls.api}/repos/${fullName(repo)}/git/trees/${sha}` }, body: serializeTree(repo, sha, false, request.urls) };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/blobs/{file_sha}",
    handle(request) {
      const repo = findReadableRepo(request);
      const sha = request.params["file_sha"] ?? "";
      const blob = repo.objects.get(sha);
      if (blob?.type !== "blob") throw notFound();
      return { status: 200, body: serializeBlob(repo, sha, blob.content, request.urls) };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/blobs",
    handle(request) {
      const repo = findReadableRepo(request);
      requirePermission(request, repo, "write");
      const { content, encoding = "utf-8" } = request.body as { content: string; encoding?: string };
      if (encoding !== "utf-8" && encoding !== "base64") {
        throw new GitHubError(422, `encoding must be either "utf-8" or "base64", not "${encoding}"`, [{ resource: "Blob", field: "encoding", code: "invalid" }]);
      }
      const sha = storeObject(repo, { type: "blob", content: Buffer.from(content, encoding === "base64" ? "base64" : "utf8") });
      const url = `${request.urls.api}/repos/${fullName(repo)}/git/blobs/${sha}`;
      return { status: 201, headers: { location: url }, body: { url, sha } };
    },
  },
];

/** One entry of a tree request: a file by `content` or `sha`, a removal (`sha: null`), or a whole folder. */
function applyTreeItem(repo: Parameters<typeof flattenTree>[0], files: Map<string, FlatEntry>, item: TreeItem, index: number): void {
  const invalid = (message: string) => new GitHubError(422, `GitRPC::BadObjectState: tree.${index}: ${message}`, [{ resource: "Tree", field: `tree[${index}]`, code: "invalid" }]);
  const path = (item.path ?? "").replace(/^\/+|\/+$/g, "");
  if (path === "" || !item.mode || !item.type) throw invalid("path, mode and type are required");
  if (item.sha === null) {
    for (const existing of [...files.keys()]) if (existing === path || existing.startsWith(`${path}/`)) files.delete(existing);
    return;
  }
  if (item.content !== undefined && item.sha !== undefined) throw invalid("give either content or sha, not both");
  if (item.content !== undefined) {
    files.set(path, { mode: item.mode, type: "blob", sha: storeObject(repo, { type: "blob", content: Buffer.from(item.content, "utf8") }) });
    return;
  }
  const object = item.sha === undefined ? undefined : repo.objects.get(item.sha);
  if (!item.sha || (item.type !== "commit" && object?.type !== item.type)) throw invalid(`${item.sha ?? "(no sha)"} is not a ${item.type} of the repository`);
  if (item.type === "tree") {
    for (const existing of [...files.keys()]) if (existing.startsWith(`${path}/`)) files.delete(existing);
    for (const [inner, file] of flattenTree(repo, item.sha, `${path}/`)) files.set(inner, file);
  } else {
    files.set(path, { mode: item.mode, type: item.type, sha: item.sha });
  }
}

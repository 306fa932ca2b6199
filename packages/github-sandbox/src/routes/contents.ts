import { findPath, flattenTree, resolveCommit, storeFlatTree, storeObject } from "../git-store.js";
import { GitHubError, notFound, type Route, type RouteRequest } from "../route.js";
import { base64Lines, serializeGitCommit } from "../serialize/git.js";
import { fullName, type GitSignature, type RepoRecord } from "../state.js";
import { findReadableRepo } from "./find-repo.js";
import { commitSignatures } from "./git-signature.js";
import { requirePermission } from "./require-permission.js";
import { setRef } from "./set-ref.js";

interface FileChange {
  message: string;
  content?: string;
  sha?: string;
  branch?: string;
  author?: Partial<GitSignature>;
  committer?: Partial<GitSignature>;
}

export const contentsRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/contents/{path}",
    handle(request) {
      const repo = findReadableRepo(request);
      const ref = request.query.get("ref") ?? repo.defaultBranch;
      const commit = resolveCommit(repo, ref);
      if (!commit) throw new GitHubError(404, `No commit found for the ref ${ref}`);
      const path = (request.params["path"] ?? "").replace(/^\/+|\/+$/g, "");
      const found = findPath(repo, commit, path);
      if (!found) throw notFound();
      if (found.object.type === "tree") {
        const folder = found.object;
        return {
          status: 200,
          body: folder.entries.map((entry) => {
            const child = repo.objects.get(entry.sha);
            const size = child?.type === "blob" ? child.content.length : 0;
            return describe(request, repo, ref, joinPath(path, entry.path), entry.sha, entry.type === "tree" ? "dir" : "file", size);
          }),
        };
      }
      if (found.object.type !== "blob") throw notFound();
      const content = found.object.content;
      return {
        status: 200,
        body: { ...describe(request, repo, ref, path, found.sha, "file", content.length), content: base64Lines(content), encoding: "base64" },
      };
    },
  },
  {
    method: "PUT",
    path: "/repos/{owner}/{repo}/contents/{path}",
    handle(request) {
      const { repo, path, branch, current } = fileToChange(request);
      const body = request.body as FileChange & { content: string };
      if (current && body.sha === undefined) throw new GitHubError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
      const content = Buffer.from(body.content, "base64");
      const blob = storeObject(repo, { type: "blob", content });
      const commit = commitFileChange(request, repo, branch, path, blob);
      return {
        status: current ? 200 : 201,
        body: { content: describe(request, repo, branch, path, blob, "file", content.length), commit },
      };
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/contents/{path}",
    handle(request) {
      const { repo, path, branch, current } = fileToChange(request);
      if (!current) throw new GitHubError(404, "Not Found");
      return { status: 200, body: { content: null, commit: commitFileChange(request, repo, branch, path, undefined) } };
    },
  },
];

/** The file a PUT or DELETE changes, after GitHub's checks of the branch and of the `sha` the caller last saw. */
function fileToChange(request: RouteRequest) {
  const repo = findReadableRepo(request);
  requirePermission(request, repo, "write");
  const body = request.body as FileChange;
  const path = (request.params["path"] ?? "").replace(/^\/+|\/+$/g, "");
  const branch = body.branch ?? repo.defaultBranch;
  const tip = repo.refs.get(`refs/heads/${branch}`);
  if (!tip) throw new GitHubError(404, `Branch ${branch} not found`);
  const found = findPath(repo, tip, path);
  if (found && found.object.type !== "blob") throw new GitHubError(422, `${path} is a directory`);
  const current = found?.sha;
  if (body.sha !== undefined && body.sha !== current) {
    throw new GitHubError(409, current ? `${path} does not match ${body.sha}` : `${path} does not exist at ${branch}, so it cannot match ${body.sha}`);
  }
  return { repo, path, branch, current };
}

/** Commits `path` set to `blob` (or removed) on top of `branch` and moves the branch, as a push. */
function commitFileChange(request: RouteRequest, repo: RepoRecord, branch: string, path: string, blob: string | undefined) {
  const body = request.body as FileChange;
  const parent = repo.refs.get(`refs/heads/${branch}`) as string;
  const parentCommit = repo.objects.get(parent);
  const files = parentCommit?.type === "commit" ? flattenTree(repo, parentCommit.tree) : new Map();
  if (blob) files.set(path, { mode: files.get(path)?.mode ?? "100644", type: "blob", sha: blob });
  else files.delete(path);
  const commit = { type: "commit" as const, tree: storeFlatTree(repo, files), parents: [parent], message: body.message, ...commitSignatures(request, body) };
  const sha = storeObject(repo, commit);
  setRef(request, repo, `refs/heads/${branch}`, sha);
  return serializeGitCommit(repo, sha, commit, request.urls);
}

function describe(request: RouteRequest, repo: RepoRecord, ref: string, path: string, sha: string, type: "file" | "dir", size: number) {
  const name = fullName(repo);
  const self = `${request.urls.api}/repos/${name}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const git = `${request.urls.api}/repos/${name}/git/${type === "dir" ? "trees" : "blobs"}/${sha}`;
  const html = `${request.urls.web}/${name}/${type === "dir" ? "tree" : "blob"}/${ref}/${encodePath(path)}`;
  return {
    type,
    name: path.split("/").at(-1) ?? path,
    path,
    sha,
    size,
    url: self,
    html_url: html,
    git_url: git,
    download_url: type === "dir" ? null : rawUrl(request, name, ref, path),
    _links: { self, git, html },
  };
}

/** github.com serves raw files from its own host; GitHub Enterprise under `/raw`. */
function rawUrl(request: RouteRequest, repoName: string, ref: string, path: string): string {
  const web = new URL(request.urls.web);
  const base = web.host === "github.com" ? "https://raw.githubusercontent.com" : `${request.urls.web}/raw`;
  return `${base}/${repoName}/${ref}/${encodePath(path)}`;
}

function joinPath(folder: string, name: string): string {
  return folder === "" ? name : `${folder}/${name}`;
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

import { findPath, resolveCommit } from "../git-store.js";
import { GitHubError, notFound, type Route, type RouteRequest } from "../route.js";
import { fullName, type RepoRecord } from "../state.js";
import { findReadableRepo } from "./find-repo.js";

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
        body: { ...describe(request, repo, ref, path, found.sha, "file", content.length), content: wrapBase64(content), encoding: "base64" },
      };
    },
  },
];

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

/** GitHub sends file contents as base64 in lines of 60 characters. */
function wrapBase64(content: Buffer): string {
  const encoded = content.toString("base64");
  return encoded.replace(/.{1,60}/g, "$&\n");
}

import { findPath, flattenTree, resolveCommit } from "../git-store.js";
import type { Sandbox } from "../sandbox.js";
import { fullName, repoKey, type IssueRecord, type RepoRecord } from "../state.js";
import { renderMarkdown } from "./render-markdown.js";
import { pullRequestFiles } from "../serialize/pull-request.js";
import type { SandboxUrls } from "../urls.js";

// A read-only look at the sandbox as a person sees GitHub: repositories, their issues and pull
// requests, and files, with Markdown rendered as GitHub renders it.

export function answerWebPage(request: Request, sandbox: Sandbox): Response {
  if (request.method !== "GET") return page("Not Found", "<p>The sandbox's pages are read-only.</p>", 405);
  const parts = new URL(request.url).pathname.split("/").filter((part) => part !== "").map(decodeURIComponent);
  if (parts.length === 0) return page("Sandbox", sandboxIndex(sandbox));
  const repo = sandbox.state.repos.get(repoKey(parts[0] ?? "", parts[1] ?? ""));
  if (!repo) return notFound();
  const [, , section, ...rest] = parts;
  if (section === undefined) return page(fullName(repo), repoPage(repo));
  if ((section === "issues" || section === "pull") && rest.length === 1) {
    const issue = repo.issues.get(Number(rest[0]));
    if (!issue || (section === "pull") !== (issue.pullRequest !== undefined)) return notFound();
    return page(`${issue.title} · ${fullName(repo)}#${issue.number}`, issuePage(repo, issue, sandbox.urls));
  }
  if (section === "blob" && rest.length >= 2) {
    const [ref, ...path] = rest;
    const file = fileText(repo, ref ?? "", path.join("/"));
    if (file === undefined) return notFound();
    const filePath = path.join("/");
    const shown = /\.(md|markdown)$/i.test(filePath) ? `<article class="markdown">${renderMarkdown(file)}</article>` : `<pre>${escape(file)}</pre>`;
    return page(`${filePath} · ${fullName(repo)}`, `${repoHeading(repo)}<h2>${escape(filePath)}</h2>${shown}`);
  }
  return notFound();
}

function sandboxIndex(sandbox: Sandbox): string {
  const repos = [...sandbox.state.repos.values()];
  return `<h1>Sandbox</h1><p>Clock: <time>${sandbox.clock.now().toISOString()}</time></p>${repos
    .map((repo) => `<section><h2><a href="/${fullName(repo)}">${escape(fullName(repo))}</a> <small>${repo.visibility}</small></h2>${itemList(repo)}</section>`)
    .join("")}`;
}

function repoPage(repo: RepoRecord): string {
  const head = repo.refs.get(`refs/heads/${repo.defaultBranch}`);
  const files = head ? listFiles(repo, head) : [];
  return `${repoHeading(repo)}<h2>Issues and pull requests</h2>${itemList(repo)}<h2>Files on ${escape(repo.defaultBranch)}</h2><ul>${files
    .map((path) => `<li><a href="/${fullName(repo)}/blob/${encodeURIComponent(repo.defaultBranch)}/${path.split("/").map(encodeURIComponent).join("/")}">${escape(path)}</a></li>`)
    .join("")}</ul>`;
}

function itemList(repo: RepoRecord): string {
  const items = [...repo.issues.values()].sort((a, b) => (a.state === b.state ? b.number - a.number : a.state === "open" ? -1 : 1));
  if (items.length === 0) return "<p>No issues or pull requests.</p>";
  return `<ul>${items
    .map(
      (issue) =>
        `<li class="${issue.state}"><a href="${itemPath(repo, issue)}">${escape(issue.title)}</a> #${issue.number} <small>${issue.pullRequest ? "pull request" : "issue"}, ${issue.state}</small>${labels(issue)}</li>`,
    )
    .join("")}</ul>`;
}

function issuePage(repo: RepoRecord, issue: IssueRecord, urls: SandboxUrls): string {
  const comments = issue.comments
    .map((comment) => `<section class="comment"><h3>${escape(comment.author)} <small>${comment.createdAt}</small></h3><article class="markdown">${renderMarkdown(comment.body)}</article></section>`)
    .join("");
  return `${repoHeading(repo)}<h1>${escape(issue.title)} <small>#${issue.number}</small></h1><p><span class="state ${issue.state}">${issue.state}</span> ${
    issue.pullRequest?.draft ? "draft " : ""
  }${issue.pullRequest ? "pull request" : "issue"} by ${escape(issue.author ?? "ghost")} · created ${issue.createdAt} · updated ${issue.updatedAt}${labels(issue)}</p>${pullRequestBranches(repo, issue, urls)}<section class="comment"><article class="markdown">${renderMarkdown(issue.body ?? "")}</article></section>${comments}`;
}

/** As GitHub's pull request page: which branch goes into which, and the files it changes, each linked at the head commit. */
function pullRequestBranches(repo: RepoRecord, issue: IssueRecord, urls: SandboxUrls): string {
  const pull = issue.pullRequest;
  if (!pull) return "";
  const files = pullRequestFiles(repo, pull, urls);
  const list = files
    .map((file) => {
      const link = `/${fullName(repo)}/blob/${pull.head.sha}/${file.filename.split("/").map(encodeURIComponent).join("/")}`;
      return `<li>${file.status === "removed" ? escape(file.filename) : `<a href="${link}">${escape(file.filename)}</a>`} <small>${file.status}</small></li>`;
    })
    .join("");
  return `<p class="branches">${pull.mergedAt ? "merged" : "wants to merge"} <code>${escape(pull.head.ref)}</code> into <code>${escape(pull.base.ref)}</code></p><h2>Files changed <small>${files.length}</small></h2>${
    files.length === 0 ? "<p>No files changed.</p>" : `<ul class="files">${list}</ul>`
  }`;
}

function repoHeading(repo: RepoRecord): string {
  return `<nav><a href="/">sandbox</a> / <a href="/${fullName(repo)}">${escape(fullName(repo))}</a></nav>`;
}

function labels(issue: IssueRecord): string {
  return issue.labels.map((label) => ` <span class="label">${escape(label)}</span>`).join("");
}

function itemPath(repo: RepoRecord, issue: IssueRecord): string {
  return `/${fullName(repo)}/${issue.pullRequest ? "pull" : "issues"}/${issue.number}`;
}

function fileText(repo: RepoRecord, ref: string, path: string): string | undefined {
  const commit = resolveCommit(repo, ref);
  const found = commit ? findPath(repo, commit, path) : undefined;
  return found?.object.type === "blob" ? found.object.content.toString("utf8") : undefined;
}

function listFiles(repo: RepoRecord, commitSha: string): string[] {
  const commit = repo.objects.get(commitSha);
  return commit?.type === "commit" ? [...flattenTree(repo, commit.tree).keys()].sort() : [];
}

function notFound(): Response {
  return page("Not Found", "<h1>Not Found</h1>", 404);
}

function page(title: string, body: string, status = 200): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}

const STYLE = `body{font:14px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1f2328}
a{color:#0969da}small{color:#59636e}.label{background:#ddf4ff;border-radius:2em;padding:0 .6em;font-size:12px}
.state{border-radius:2em;padding:.2em .8em;color:#fff;background:#1f883d}.state.closed{background:#8250df}
.comment{border:1px solid #d1d9e0;border-radius:6px;padding:0 1em;margin:1em 0}li.closed a{color:#59636e}
.task-list-item{list-style:none}.task-list-item-checkbox{margin:0 .3em 0 -1.4em}pre{background:#f6f8fa;padding:1em;overflow:auto}`;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

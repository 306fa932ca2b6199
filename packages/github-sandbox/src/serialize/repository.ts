import { atLeast, type Permission } from "../access.js";
import { fullName, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { serializeUser } from "./user.js";

/** GitHub's `full-repository`, as `GET /repos/{owner}/{repo}` returns it to a caller with `permission`. */
export function serializeFullRepository(state: SandboxState, repo: RepoRecord, permission: Permission, urls: SandboxUrls) {
  const repository = serializeRepository(state, repo, urls);
  return {
    ...repository,
    permissions: {
      admin: atLeast(permission, "admin"),
      maintain: atLeast(permission, "maintain"),
      push: atLeast(permission, "write"),
      triage: atLeast(permission, "triage"),
      pull: atLeast(permission, "read"),
    },
    ...(repository.owner.type === "Organization" ? { organization: repository.owner } : {}),
    network_count: 0,
    subscribers_count: 0,
  };
}

/** GitHub's `repository` without the caller's permissions. */
export function serializeRepository(state: SandboxState, repo: RepoRecord, urls: SandboxUrls) {
  const owner = state.users.get(repo.owner.toLowerCase());
  if (!owner) throw new Error(`sandbox state: the owner ${repo.owner} of ${fullName(repo)} has no account`);
  const name = fullName(repo);
  const api = `${urls.api}/repos/${name}`;
  const host = new URL(urls.web).host;
  const openIssues = [...repo.issues.values()].filter((issue) => issue.state === "open").length;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: name,
    owner: serializeUser(owner, urls),
    private: repo.visibility !== "public",
    html_url: `${urls.web}/${name}`,
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${name}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${name}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${urls.web}/${name}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: `${urls.web}/${name}`,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: repo.hasDiscussions ?? false,
    archived: repo.archived,
    disabled: false,
    visibility: repo.visibility,
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    allow_forking: repo.visibility === "public",
    web_commit_signoff_required: false,
    license: null,
  };
}

import { fullName, type IssueRecord, type LabelRecord, type RepoRecord } from "../state.js";
import type { SandboxUrls } from "../urls.js";

/** GitHub's `label`. */
export function serializeLabel(label: LabelRecord, repo: RepoRecord, urls: SandboxUrls) {
  return {
    id: label.id,
    node_id: label.nodeId,
    url: `${urls.api}/repos/${fullName(repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

/** The labels of an issue or pull request, in the order they were added. */
export function serializeIssueLabels(repo: RepoRecord, issue: IssueRecord, urls: SandboxUrls) {
  return issue.labels.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label ? [serializeLabel(label, repo, urls)] : [];
  });
}

import { fullName, type LabelRecord, type RepoRecord } from "../state.js";
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

import { serializeApp } from "../app-auth/app-json.js";
import { fullName, type CheckRunRecord, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";

/** GitHub's `check-run`. */
export function serializeCheckRun(state: SandboxState, repo: RepoRecord, run: CheckRunRecord, appId: number, urls: SandboxUrls) {
  const api = `${urls.api}/repos/${fullName(repo)}/check-runs/${run.id}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: run.nodeId,
    external_id: run.externalId,
    url: api,
    html_url: `${urls.web}/${fullName(repo)}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${urls.web}/${fullName(repo)}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: serializeApp(state, appId, urls),
    pull_requests: [],
  };
}

import { nodeId } from "../create-state.js";
import { resolveCommit } from "../git-store.js";
import { paginate } from "../pagination.js";
import { GitHubError, githubTimestamp, notFound, type Route, type RouteRequest } from "../route.js";
import { serializeCheckRun } from "../serialize/check-run.js";
import { takeId, type CheckRunAnnotation, type CheckRunConclusion, type CheckRunRecord, type CheckRunStatus, type RepoRecord } from "../state.js";
import { findReadableRepo } from "./find-repo.js";
import { requirePermission } from "./require-permission.js";

interface CheckRunChanges {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckRunStatus;
  started_at?: string;
  conclusion?: CheckRunConclusion;
  completed_at?: string;
  output?: { title: string; summary: string; text?: string; annotations?: CheckRunAnnotation[] };
}

/** GitHub takes at most this many annotations per request; more are sent in further updates. */
const ANNOTATIONS_PER_REQUEST = 50;

export const checkRunRoutes: Route[] = [
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/check-runs",
    handle(request) {
      const repo = writableByApp(request);
      const body = request.body as CheckRunChanges & { name: string; head_sha: string };
      if (repo.objects.get(body.head_sha)?.type !== "commit") {
        throw new GitHubError(422, "Validation Failed", [{ resource: "CheckRun", field: "head_sha", code: "invalid", message: `No commit found for SHA: ${body.head_sha}` }]);
      }
      const id = takeId(request.state);
      const suite = repo.checkRuns.find((run) => run.headSha === body.head_sha)?.checkSuiteId ?? takeId(request.state);
      const run: CheckRunRecord = {
        id,
        nodeId: nodeId("CR", id),
        name: body.name,
        headSha: body.head_sha,
        status: "queued",
        conclusion: null,
        startedAt: githubTimestamp(request.now),
        completedAt: null,
        externalId: null,
        detailsUrl: null,
        output: { title: null, summary: null, text: null, annotations: [] },
        checkSuiteId: suite,
      };
      applyChanges(request, run, body);
      repo.checkRuns.push(run);
      return { status: 201, body: serializeCheckRun(request.state, repo, run, request.appId, request.urls) };
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    handle(request) {
      const repo = writableByApp(request);
      const run = repo.checkRuns.find((candidate) => candidate.id === Number(request.params["check_run_id"]));
      if (!run) throw notFound();
      applyChanges(request, run, request.body as CheckRunChanges);
      return { status: 200, body: serializeCheckRun(request.state, repo, run, request.appId, request.urls) };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    handle(request) {
      const repo = findReadableRepo(request);
      const sha = resolveCommit(repo, request.params["ref"] ?? "");
      if (!sha) throw new GitHubError(422, `No commit found for SHA: ${request.params["ref"]}`);
      const name = request.query.get("check_name");
      const status = request.query.get("status");
      const appId = request.query.get("app_id");
      let runs = repo.checkRuns
        .filter((run) => run.headSha === sha && (!name || run.name === name) && (!status || run.status === status))
        .filter(() => !appId || Number(appId) === request.appId)
        .reverse();
      // `filter=latest` (the default) keeps the newest run of each name.
      if (request.query.get("filter") !== "all") runs = runs.filter((run, index) => runs.findIndex((other) => other.name === run.name) === index);
      const { items, headers } = paginate(request, runs);
      return {
        status: 200,
        headers,
        body: { total_count: runs.length, check_runs: items.map((run) => serializeCheckRun(request.state, repo, run, request.appId, request.urls)) },
      };
    },
  },
];

/** Only GitHub Apps write check runs, on the repositories they are installed on. */
function writableByApp(request: RouteRequest): RepoRecord {
  const repo = findReadableRepo(request);
  if (request.actor.kind !== "installation") throw new GitHubError(403, "You must authenticate via a GitHub App.");
  requirePermission(request, repo, "write");
  return repo;
}

function applyChanges(request: RouteRequest, run: CheckRunRecord, changes: CheckRunChanges): void {
  const annotations = changes.output?.annotations ?? [];
  if (annotations.length > ANNOTATIONS_PER_REQUEST) {
    throw new GitHubError(422, "Validation Failed", [{ resource: "CheckRun", field: "output.annotations", code: "invalid", message: `at most ${ANNOTATIONS_PER_REQUEST} annotations per request` }]);
  }
  if (changes.name !== undefined) run.name = changes.name;
  if (changes.details_url !== undefined) run.detailsUrl = changes.details_url;
  if (changes.external_id !== undefined) run.externalId = changes.external_id;
  if (changes.started_at !== undefined) run.startedAt = githubTimestamp(new Date(changes.started_at));
  if (changes.status !== undefined) run.status = changes.status;
  if (changes.conclusion !== undefined) {
    run.conclusion = changes.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed" && run.conclusion === null) {
    throw new GitHubError(422, "Validation Failed", [{ resource: "CheckRun", field: "conclusion", code: "missing_field", message: "conclusion is required when status is completed" }]);
  }
  if (run.status === "completed") run.completedAt = githubTimestamp(changes.completed_at ? new Date(changes.completed_at) : request.now);
  if (changes.output) {
    run.output = {
      title: changes.output.title,
      summary: changes.output.summary,
      text: changes.output.text ?? null,
      // Annotations add up over updates, as on GitHub.
      annotations: [...run.output.annotations, ...annotations],
    };
  }
}

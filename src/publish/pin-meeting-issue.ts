import type { GitHub } from "../github.js";
import type { Meeting, OccurrenceIssue } from "../model.js";
import { readClaim } from "./claim-occurrence.js";
import { createCheckRun } from "./create-check-run.js";
import { defaultBranchHead } from "./git-refs.js";
import { parseBody } from "./issue-body.js";
import { ISSUE_CHECK_NAME } from "./report-oversize-body.js";

// One query says which issues are pinned and whether the current one is: GitHub pins at most
// three issues per repository, so three nodes are all there are.
const PINS = `query ($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    current: issue(number: $number) { id isPinned }
    pinnedIssues(first: 3) { nodes { issue { id number body } } }
  }
}`;
const PIN = `mutation ($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number } } }`;
const UNPIN = `mutation ($id: ID!) { unpinIssue(input: { issueId: $id }) { issue { number } } }`;

interface PinsAnswer {
  repository: {
    current: { id: string; isPinned: boolean | null } | null;
    pinnedIssues: { nodes: { issue: { id: string; number: number; body: string } }[] };
  };
}

export type PinOutcome = "pinned" | "unchanged" | "no-slot" | "dry-run";

/**
 * Pins the meeting's current issue and unpins its earlier ones, stated from what is pinned now,
 * so a retry after a lost answer (pinning a pinned issue changes nothing) or a tick on another
 * replica does no harm. Only issues the meeting's claim refs record are unpinned: people's pins
 * stay. Earlier ones go first, to free their slot; when the three slots are all taken by other
 * issues, the home repo's `agenda-drafter issue` check says so, once, and nothing is unpinned.
 */
export async function pinMeetingIssue(octokit: GitHub, meeting: Meeting, current: OccurrenceIssue, log: { info(message: string): void }): Promise<PinOutcome> {
  const { owner, repo } = meeting.home;
  const { repository } = await octokit.graphql<PinsAnswer>(PINS, { owner, repo, number: current.issueNumber });
  if (!repository.current) return "unchanged";
  const earlier = [];
  for (const { issue } of repository.pinnedIssues.nodes) {
    if (issue.number !== current.issueNumber && (await isMeetingIssue(octokit, meeting, issue))) earlier.push(issue);
  }
  if (repository.current.isPinned === true && earlier.length === 0) return "unchanged";
  if (meeting.dryRun) {
    log.info(`dry run: would pin ${owner}/${repo}#${current.issueNumber}${earlier.map((issue) => `, unpin #${issue.number}`).join("")}`);
    return "dry-run";
  }
  for (const issue of earlier) await octokit.graphql(UNPIN, { id: issue.id });
  if (repository.current.isPinned === true) return "pinned";
  try {
    await octokit.graphql(PIN, { id: repository.current.id });
  } catch (error) {
    if (!isNoSlot(error)) throw error;
    const others = repository.pinnedIssues.nodes.map(({ issue }) => `#${issue.number}`).join(", ");
    await reportNoSlot(octokit, meeting, `The meeting issue #${current.issueNumber} of \`${meeting.id}\` could not be pinned: GitHub pins at most three issues in a repository, and ${others} are pinned. Unpin one of them (the app pins the meeting issue on its next tick), or set \`issue.pin: false\`.`);
    return "no-slot";
  }
  log.info(`pinned ${owner}/${repo}#${current.issueNumber}${earlier.map((issue) => `, unpinned #${issue.number}`).join("")}`);
  return "pinned";
}

/** An issue of this meeting by its marker, and the one its occurrence's claim records (a copied marker is not enough). */
async function isMeetingIssue(octokit: GitHub, meeting: Meeting, issue: { number: number; body: string }): Promise<boolean> {
  const marker = parseBody(issue.body).marker;
  if (marker?.meeting !== meeting.id) return false;
  const claim = await readClaim(octokit, { home: meeting.home, meetingId: meeting.id, occurrenceKey: marker.occurrence });
  return claim.kind === "issue" && claim.issueNumber === issue.number;
}

/** Once: not while the latest `agenda-drafter issue` check on the default branch already says it. */
async function reportNoSlot(octokit: GitHub, meeting: Meeting, summary: string): Promise<void> {
  const headSha = await defaultBranchHead(octokit, meeting.home);
  const { data } = await octokit.rest.checks.listForRef({ ...meeting.home, ref: headSha, check_name: ISSUE_CHECK_NAME, filter: "latest" });
  if (data.check_runs[0]?.output.summary === summary) return;
  await createCheckRun(octokit, meeting.home, { name: ISSUE_CHECK_NAME, headSha, conclusion: "neutral", title: "The meeting issue is not pinned", summary, annotations: [] });
}

/** GitHub's answer to a fourth pin: a GraphQL error about the pinned issues' limit. */
function isNoSlot(error: unknown): boolean {
  const { errors } = error as { errors?: { message?: string }[] };
  return Array.isArray(errors) && errors.some((problem) => /pinned issues/i.test(problem.message ?? ""));
}

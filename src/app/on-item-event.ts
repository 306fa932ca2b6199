import type { Context } from "probot";
import type { GitHub } from "../github.js";
import { parseBody } from "../publish/issue-body.js";
import { findMeeting } from "../registry/find-meeting.js";
import { itemChanges, type ItemPayload } from "./item-changes.js";
import { concernsMeeting, factsOf } from "../collect/label-facts.js";
import type { Runtime } from "./runtime.js";

/**
 * An issue or pull request was labelled, unlabelled, opened, closed, reopened, retitled,
 * transferred or deleted: the meetings whose agenda it is on (or just left) are refreshed, with what
 * the webhook says kept until search shows it. An edit of a meeting issue's body is checked for an
 * overwritten edit of a person, and a removed marker is repaired.
 */
export async function onItemEvent(runtime: Runtime, context: Context<"issues" | "pull_request">): Promise<void> {
  const installationId = (context.payload as { installation?: { id: number } }).installation?.id;
  if (installationId === undefined) return;
  const octokit = context.octokit as GitHub;
  await runtime.ensureDiscovered(octokit, installationId);
  const meetings = await runtime.registry.meetings(installationId);

  const payload = context.payload;
  if ("issue" in payload && payload.action === "edited") {
    const { issue, changes, repository } = payload;
    const from = changes.body?.from;
    const home = { owner: repository.owner.login, repo: repository.name };
    if (from !== undefined && from !== null) {
      const seal = { signer: runtime.stateSigner, issue: { ...home, number: issue.number } };
      const before = parseBody(from, seal);
      const after = parseBody(issue.body, seal);
      const marker = after.marker ?? before.marker;
      // An edit of anyone's copy of the marker sets off nothing.
      if (marker && (await runtime.isMeetingIssue(octokit, home, marker, issue.number))) {
        if (after.unverifiedState) {
          runtime.log.warn(`${home.owner}/${home.repo}#${issue.number}: its agenda-drafter state does not verify (edited, or copied from another issue); it is ignored, and the app writes a fresh one`);
        }
        const edit = { issueNumber: issue.number, from, to: issue.body ?? "" };
        runtime.restore(installationId, home, marker.meeting, edit);
        const damaged = !after.marker || !after.state || after.agenda === undefined;
        const meeting = findMeeting(meetings, home, marker.meeting);
        if (damaged && meeting) runtime.refresh(installationId, meeting);
      }
    }
    // A body edit changes nothing on an agenda; a title edit does.
    if (!changes.title) return;
  }

  for (const change of itemChanges(context.payload as ItemPayload, runtime.now())) {
    for (const meeting of meetings) {
      if (concernsMeeting(meeting, change)) runtime.refresh(installationId, meeting, { labels: factsOf(meeting, change) });
    }
  }
}

import type { Context } from "probot";
import type { GitHub } from "../github.js";
import { isHomeOf } from "../collect/in-scope.js";
import { listsFollowUps } from "../config/follow-ups-section.js";
import { mayBeMinutesFile } from "../render/minutes-folder.js";
import type { Runtime } from "./runtime.js";

/** A push event lists at most this many commits; one with as many may have had more, whose files it does not say. */
const LISTED_COMMITS = 20;

/**
 * Minutes reached the default branch of a meeting's home repo (their pull request merged, or
 * committed there by hand): the meeting's next issue is refreshed, and its follow-ups read again.
 * The tick's refresh of the live issue repairs a push whose webhook never came.
 */
export async function onMinutesPush(runtime: Runtime, context: Context<"push">): Promise<void> {
  const { payload } = context;
  const installationId = payload.installation?.id;
  if (installationId === undefined || payload.deleted) return;
  if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
  await runtime.ensureDiscovered(context.octokit as GitHub, installationId);
  const changed = payload.commits.flatMap((commit) => [...(commit.added ?? []), ...(commit.removed ?? []), ...(commit.modified ?? [])]);
  const unlisted = payload.commits.length >= LISTED_COMMITS;
  const meetings = (await runtime.registry.meetings(installationId)).filter(
    (meeting) =>
      isHomeOf(meeting, payload.repository.full_name) &&
      listsFollowUps(meeting) &&
      (unlisted || changed.some((path) => mayBeMinutesFile(meeting, path))),
  );
  for (const meeting of meetings) runtime.refresh(installationId, meeting);
}

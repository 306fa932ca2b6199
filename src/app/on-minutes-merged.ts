import type { Context } from "probot";
import type { GitHub } from "../github.js";
import { closeOnMinutesMerged } from "../operations/close-on-minutes-merged.js";
import { findMeeting } from "../registry/find-meeting.js";
import { loadSchedule } from "../schedule/load-schedule.js";
import type { Runtime } from "./runtime.js";

const MINUTES_BRANCH = /^agenda-drafter\/([a-z0-9-]+)\/(\d{4}-\d{2}-\d{2})$/;

/**
 * A merged pull request from a minutes branch `agenda-drafter/<meeting>/<date>` of the home repo
 * itself closes that occurrence's meeting issue (the one its claim ref records), when the issue's
 * signed state says this is its minutes pull request.
 */
export async function onMinutesMerged(runtime: Runtime, context: Context<"pull_request.closed">): Promise<void> {
  const { pull_request: pull, repository, installation } = context.payload;
  const branch = MINUTES_BRANCH.exec(pull.head.ref);
  if (!pull.merged || !branch || installation === undefined || pull.head.repo?.full_name !== repository.full_name) return;
  const [, meetingId = "", date = ""] = branch;
  const octokit = runtime.client(context.octokit as GitHub);
  const home = { owner: repository.owner.login, repo: repository.name };
  await runtime.ensureDiscovered(octokit, installation.id);
  const meeting = findMeeting(await runtime.registry.meetings(installation.id), home, meetingId);
  const occurrence = meeting && (await loadSchedule(meeting.schedule)).on(date);
  if (!meeting || !occurrence) return;
  const claim = await runtime.recordedClaims.read(octokit, { home, meetingId, occurrenceKey: occurrence.key });
  if (claim.kind !== "issue") return;
  if (await closeOnMinutesMerged(octokit, meeting, { occurrence, issueNumber: claim.issueNumber }, pull.number)) {
    runtime.log.info(`${home.owner}/${home.repo}#${claim.issueNumber}: closed, its minutes pull request #${pull.number} merged`);
  }
}

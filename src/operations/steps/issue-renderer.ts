import type { GitHub } from "../../github.js";
import type { Agenda, Meeting, Occurrence } from "../../model.js";
import { meetingRenderer } from "../../render/meeting-renderer.js";
import type { RenderedMeeting, RenderInput } from "../../render/render-meeting.js";

export interface RenderExtras {
  issueUrl?: string;
  minutesPullRequestUrl?: string;
  attendees?: RenderInput["attendees"];
}

export type IssueRenderer = (occurrence: Occurrence, extras?: RenderExtras, agenda?: Agenda) => Promise<RenderedMeeting>;

/**
 * Renders occurrences of a meeting with its own templates (read once from its home repo) or the
 * defaults. Without an agenda, an empty one: enough to compare the lines outside the agenda
 * block (title, time table, links) between two renderings.
 */
export async function issueRenderer(octokit: GitHub, meeting: Meeting): Promise<IssueRenderer> {
  const render = await meetingRenderer(octokit, meeting);
  return (occurrence, extras = {}, agenda = { meeting, occurrence, groups: [], searchUrls: [] }) =>
    render({ agenda: { ...agenda, meeting, occurrence }, ...extras });
}

import type { GitHub } from "../github.js";
import type { Agenda, Meeting, Occurrence } from "../model.js";
import { UserError } from "../errors.js";
import { loadTemplates } from "../config/load-templates.js";
import { formatProblem } from "../config/problem.js";
import { renderMeeting, type RenderedMeeting, type RenderInput } from "../render/render-meeting.js";

export interface RenderExtras {
  issueUrl?: string;
  minutesPullRequestUrl?: string;
  attendees?: RenderInput["attendees"];
}

/**
 * Renders an occurrence with the meeting's own templates (read from its home repo) or the
 * defaults. Without an agenda, an empty one: enough to compare the lines outside the agenda
 * block (title, time table, links) between two renderings.
 */
export async function renderForIssue(
  octokit: GitHub,
  meeting: Meeting,
  occurrence: Occurrence,
  extras: RenderExtras,
  agenda: Agenda = { meeting, occurrence, groups: [], searchUrls: [] },
): Promise<RenderedMeeting> {
  const templates = await loadTemplates(octokit, meeting);
  if (templates.problems.length > 0) throw new UserError(templates.problems.map(formatProblem).join("\n"));
  return renderMeeting({
    agenda: { ...agenda, meeting, occurrence },
    ...extras,
    templates: {
      ...(templates.issue !== undefined && { issue: templates.issue }),
      ...(templates.minutes !== undefined && { minutes: templates.minutes }),
    },
    templateFiles: meeting.templates,
  });
}

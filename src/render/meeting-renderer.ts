import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import { UserError } from "../errors.js";
import { loadTemplates } from "../config/load-templates.js";
import { formatProblem } from "../config/problem.js";
import { renderMeeting, type RenderedMeeting, type RenderInput } from "./render-meeting.js";

export type MeetingRenderer = (input: Omit<RenderInput, "templates" | "templateFiles">) => Promise<RenderedMeeting>;

/**
 * Renders with the meeting's own templates when it has them, or the defaults. The templates are
 * read from its home repo once, so a flow that renders an occurrence several ways reads them once.
 */
export async function meetingRenderer(octokit: GitHub, meeting: Meeting): Promise<MeetingRenderer> {
  const templates = await loadTemplates(octokit, meeting);
  if (templates.problems.length > 0) throw new UserError(templates.problems.map(formatProblem).join("\n"));
  const own = {
    ...(templates.issue !== undefined && { issue: templates.issue }),
    ...(templates.minutes !== undefined && { minutes: templates.minutes }),
  };
  return (input) => renderMeeting({ ...input, templates: own, templateFiles: meeting.templates });
}

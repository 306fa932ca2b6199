import type { GitHub } from "../github.js";
import type { Agenda, AgendaItem, Meeting, Occurrence } from "../model.js";
import { UserError } from "../errors.js";
import { loadTemplates } from "../config/load-templates.js";
import { formatProblem } from "../config/problem.js";
import { buildAgenda, type BuildAgendaOptions } from "../agenda/build-agenda.js";
import { renderMeeting, type RenderedMeeting } from "../render/render-meeting.js";

/**
 * The agenda model and render steps for items already collected, with the meeting's own templates
 * when it has them: shared by the preview and the live app.
 */
export async function draftFromItems(
  octokit: GitHub,
  meeting: Meeting,
  occurrence: Occurrence,
  items: AgendaItem[],
  options: BuildAgendaOptions,
): Promise<{ agenda: Agenda; rendered: RenderedMeeting }> {
  const agenda = buildAgenda(meeting, occurrence, items, options);
  const templates = await loadTemplates(octokit, meeting);
  if (templates.problems.length > 0) throw new UserError(templates.problems.map(formatProblem).join("\n"));
  const rendered = renderMeeting({
    agenda,
    templates: {
      ...(templates.issue !== undefined && { issue: templates.issue }),
      ...(templates.minutes !== undefined && { minutes: templates.minutes }),
    },
    templateFiles: meeting.templates,
  });
  return { agenda, rendered };
}

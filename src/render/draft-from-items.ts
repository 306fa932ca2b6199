import type { GitHub } from "../github.js";
import type { Agenda, AgendaItem, Meeting, Occurrence } from "../model.js";
import { buildAgenda, type BuildAgendaOptions } from "../agenda/build-agenda.js";
import type { RenderedMeeting } from "./render-meeting.js";
import { meetingRenderer } from "./meeting-renderer.js";

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
  const render = await meetingRenderer(octokit, meeting);
  return { agenda, rendered: await render({ agenda }) };
}

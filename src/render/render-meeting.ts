import type { Attendee, Agenda } from "../model.js";
import { AGENDA_MARKERS } from "./agenda-markers.js";
import { compileTemplate, type CompiledTemplate } from "./compile-template.js";
import { defaultTemplates } from "./default-templates.js";
import { buildMeetingView } from "./meeting-view.js";
import { renderMinutesPath } from "./render-minutes-path.js";
import { renderTitle } from "./render-title.js";

export interface RenderInput {
  agenda: Agenda;
  /** The meeting issue once it exists (the minutes link to it). */
  issueUrl?: string;
  /** The meeting issue links the minutes pull request once it exists. */
  minutesPullRequestUrl?: string;
  /** The minutes' Present section: "* Full Name (@login)" or "* @login". */
  attendees?: Attendee[];
  /** The meeting's own template sources, already read from its repository. */
  templates?: { issue?: string; minutes?: string };
  /** Their paths, for error messages. */
  templateFiles?: { issue?: string; minutes?: string };
}

export interface RenderedMeeting {
  /** Plain text. */
  title: string;
  issueBody: string;
  minutesBody: string;
  /** In the home repository, e.g. `meetings/2024-03-28.md`. */
  minutesPath: string;
  /**
   * The agenda as the issue shows it, without its markers: what goes between
   * AGENDA_MARKERS.start and AGENDA_MARKERS.end when the live issue is updated.
   */
  agendaMarkdown: string;
}

/**
 * The meeting issue and the minutes skeleton for one occurrence, from the meeting's own templates
 * or the defaults. A template of the meeting's that fails raises a TemplateError.
 */
export function renderMeeting(input: RenderInput): RenderedMeeting {
  const { agenda, attendees, issueUrl, minutesPullRequestUrl } = input;
  const { meeting, occurrence } = agenda;
  const defaults = defaultTemplates();
  const issueTemplate = chooseTemplate(input.templates?.issue, input.templateFiles?.issue, "issue", defaults.issue);
  const minutesTemplate = chooseTemplate(input.templates?.minutes, input.templateFiles?.minutes, "minutes", defaults.minutes);

  const title = renderTitle(meeting, occurrence);
  const viewInput = { agenda, title, attendees, issueUrl, minutesPullRequestUrl };
  const issueView = buildMeetingView({ ...viewInput, markItems: true });
  const minutesView = buildMeetingView({ ...viewInput, markItems: false });

  const agendaMarkdown = asDocument(defaults.agenda(issueView));
  const issueAgenda = `${AGENDA_MARKERS.start}\n${agendaMarkdown}${AGENDA_MARKERS.end}\n`;
  return {
    title,
    issueBody: asDocument(issueTemplate(issueView, { agenda: issueAgenda })),
    minutesBody: asDocument(minutesTemplate(minutesView, { agenda: asDocument(defaults.agenda(minutesView)) })),
    minutesPath: renderMinutesPath(meeting, occurrence),
    agendaMarkdown,
  };
}

function chooseTemplate(
  source: string | undefined,
  file: string | undefined,
  kind: "issue" | "minutes",
  fallback: CompiledTemplate,
): CompiledTemplate {
  return source === undefined ? fallback : compileTemplate(source, file ?? `the meeting's ${kind} template`);
}

/** Text ending in exactly one line break, as files and the GitHub editor keep it. */
function asDocument(text: string): string {
  return `${text.trimEnd()}\n`;
}

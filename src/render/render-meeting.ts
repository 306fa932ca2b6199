import { randomUUID } from "node:crypto";
import type { Attendee, Agenda } from "../model.js";
import { MAX_BODY_LENGTH } from "../github.js";
import { AGENDA_MARKERS } from "./agenda-markers.js";
import { checkTemplate, type CompiledTemplate } from "./compile-template.js";
import { agendaCutter, fewestHidden, type AgendaCutter } from "./cut-agenda.js";
import { defaultTemplates } from "./default-templates.js";
import { buildMeetingView, type MeetingView } from "./meeting-view.js";
import { renderBounded, type TemplateJob } from "./render-bounded.js";
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
  /** Plain text, at most GitHub's 256 characters. */
  title: string;
  issueBody: string;
  /** Cut to GitHub's 65,536 characters as the agenda allows (cutAgenda). */
  minutesBody: string;
  /** In the home repository, e.g. `meetings/2024-03-28.md`. */
  minutesPath: string;
  /**
   * The agenda as the issue shows it, without its markers: what goes between
   * AGENDA_MARKERS.start and AGENDA_MARKERS.end when the live issue is updated.
   */
  agendaMarkdown: string;
  /** The issue's agenda with items left out, for the body to fit GitHub's limit. */
  agendaCut: AgendaCutter;
}

/**
 * The meeting issue and the minutes skeleton for one occurrence, from the meeting's own templates
 * (rendered in a worker, bounded in time and size: renderBounded) or the defaults. A template of
 * the meeting's that fails raises a TemplateError. The templates see `{{> agenda}}` as a
 * placeholder (and `{{> sections}}`), replaced by the agenda afterwards: the minutes' agenda is then cut to fit without
 * rendering the template again.
 */
export async function renderMeeting(input: RenderInput): Promise<RenderedMeeting> {
  const { agenda, attendees, issueUrl, minutesPullRequestUrl } = input;
  const { meeting, occurrence } = agenda;
  const defaults = defaultTemplates();
  const title = renderTitle(meeting, occurrence);
  const viewInput = { agenda, title, attendees, issueUrl, minutesPullRequestUrl };
  // The minutes list items by section only where their template writes the sections; the issue's agenda always does.
  const minutesSectioned = input.templates?.minutes === undefined || usesSections(input.templates.minutes);
  const issueView = buildMeetingView({ ...viewInput, markItems: true, sectioned: true });
  const minutesView = buildMeetingView({ ...viewInput, markItems: false, sectioned: minutesSectioned });
  const placeholders = { agenda: `agenda-${randomUUID()}`, sections: `sections-${randomUUID()}` };
  const [issueText, minutesText] = await renderBoth(input, placeholders, { issue: issueView, minutes: minutesView }, defaults);

  const issueAgenda = (cut: Agenda) => {
    const view = buildMeetingView({ ...viewInput, agenda: cut, markItems: true, sectioned: true });
    const headed = view.sections.filter((section) => section.lists).length > 1;
    return asDocument(defaults.sections({ ...view, issue: true, headed }, { agenda: defaults.agenda(view) }));
  };
  const agendaCut = agendaCutter(agenda, issueAgenda);
  const agendaMarkdown = agendaCut.cut(0).agendaMarkdown;
  const minutesParts = (hidden: number) => {
    const view = buildMeetingView({ ...viewInput, agenda: agendaCut.agenda(hidden), markItems: false, sectioned: minutesSectioned });
    const agendaText = asDocument(defaults.agenda(view));
    // A blank line after the last section, before what the template writes next.
    return { agenda: agendaText, sections: `${defaults.sections({ ...view, issue: false }, { agenda: agendaText }).trimEnd()}\n\n` };
  };
  const minutesWith = (hidden: number) => {
    const parts = minutesParts(hidden);
    return asDocument(minutesText.replaceAll(placeholders.sections, () => parts.sections).replaceAll(placeholders.agenda, () => parts.agenda));
  };
  const minutesHidden = fewestHidden(agendaCut.itemCount, (hidden) => minutesWith(hidden).length <= MAX_BODY_LENGTH) ?? 0;
  const issueBlock = `${AGENDA_MARKERS.start}\n${agendaMarkdown}${AGENDA_MARKERS.end}\n`;
  return {
    title,
    issueBody: asDocument(issueText.replaceAll(placeholders.sections, () => issueBlock).replaceAll(placeholders.agenda, () => issueBlock)),
    minutesBody: minutesWith(minutesHidden),
    minutesPath: renderMinutesPath(meeting, occurrence),
    agendaMarkdown,
    agendaCut,
  };
}

/** Whether a template writes `{{> sections}}`. */
function usesSections(source: string): boolean {
  return /\{\{~?>\s*sections\b/.test(source);
}

/** The issue and minutes texts with the agenda partial as `placeholder`: the meeting's own templates in a worker, the defaults here. */
async function renderBoth(
  input: RenderInput,
  partials: { agenda: string; sections: string },
  views: { issue: MeetingView; minutes: MeetingView },
  defaults: { issue: CompiledTemplate; minutes: CompiledTemplate },
): Promise<[string, string]> {
  const kinds = (["issue", "minutes"] as const).filter((kind) => input.templates?.[kind] !== undefined);
  const jobs: TemplateJob[] = kinds.map((kind) => {
    const source = input.templates?.[kind] ?? "";
    const file = input.templateFiles?.[kind] ?? `the meeting's ${kind} template`;
    checkTemplate(source, file);
    return { source, file, view: views[kind], partials };
  });
  const outputs = jobs.length > 0 ? await renderBounded(jobs) : [];
  const own = (kind: "issue" | "minutes") => {
    const index = kinds.indexOf(kind);
    return index === -1 ? defaults[kind](views[kind], partials) : (outputs[index] ?? "");
  };
  return [own("issue"), own("minutes")];
}

/** Text ending in exactly one line break, as files and the GitHub editor keep it. */
function asDocument(text: string): string {
  return `${text.trimEnd()}\n`;
}

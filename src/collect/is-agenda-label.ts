import type { Meeting } from "../model.js";

/** Whether a label is one of the meeting's agenda labels; GitHub label names are case-insensitive. */
export function isAgendaLabel(meeting: Meeting, label: string): boolean {
  const wanted = label.toLowerCase();
  return meeting.agendaLabels.some((agendaLabel) => agendaLabel.toLowerCase() === wanted);
}

import type { Meeting } from "../model.js";
import { escapeMarkdown } from "../render/escape-markdown.js";
import { listInWords } from "../render/list-in-words.js";

/** Who may steer this meeting, in words that mention nobody. */
export function describeSteerers(meeting: Meeting): string {
  const allow = meeting.commands?.allow;
  if (allow) {
    const named = [...allow.teams, ...allow.logins].map((entry) => escapeMarkdown(`@${entry.replace(/^@/, "")}`));
    return named.length === 0 ? "nobody (the meeting's commands.allow is empty)" : `only ${listInWords(named)} (the meeting's commands.allow)`;
  }
  const teams = meeting.invited.filter((entry) => entry.includes("/")).map((team) => escapeMarkdown(`@${team.replace(/^@/, "")}`));
  const triage = `people with triage or higher on ${meeting.home.owner}/${meeting.home.repo}`;
  return teams.length === 0 ? triage : `members of ${listInWords(teams)} and ${triage}`;
}

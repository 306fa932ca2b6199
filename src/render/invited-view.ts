import type { Agenda, Attendee, LayoutSection } from "../model.js";
import { escapeMarkdown } from "./escape-markdown.js";

/** An invited team as the `invited` section lists it: escaped, so neither the team nor a member is pinged. */
export interface InvitedTeamView {
  /** `@org/team`, escaped. */
  team: string;
  /** `Name (@login)` as `layout.present` writes people, escaped. */
  members: { login: string; name?: string; text: string }[];
  /** Members not listed because their membership of the org is private. */
  privateMembers: number;
  /** Members the minutes do not list because the record kept at the freeze is bounded. */
  unlistedMembers: number;
}

/** The section the default layout adds (`Invited members`), last, once the app has read an invited team. */
const INVITED_SECTION: LayoutSection = { heading: "Invited members", level: 2, agenda: false, labels: [], invited: true };

/** The layout's sections; the default layout gets an `Invited` section when the agenda holds invited teams. */
export function sectionsWithInvited(agenda: Agenda, sections: LayoutSection[], defaultLayout: boolean): LayoutSection[] {
  if (!defaultLayout || (agenda.invitedTeams ?? []).length === 0 || sections.some((section) => section.invited)) return sections;
  return [...sections, INVITED_SECTION];
}

export function invitedTeamViews(agenda: Agenda, person: (attendee: Attendee) => { login: string; name?: string; text: string }): InvitedTeamView[] {
  return (agenda.invitedTeams ?? []).map((team) => ({
    team: escapeMarkdown(team.team),
    members: team.members.map((member) => {
      const { login, name, text } = person(member);
      return { login, ...(name ? { name } : {}), text };
    }),
    privateMembers: team.privateMembers,
    unlistedMembers: team.unlistedMembers ?? 0,
  }));
}

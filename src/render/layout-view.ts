import { DEFAULT_LAYOUT } from "../config/resolve-layout.js";
import type { Agenda, AgendaGroup, AgendaItem, Attendee, LayoutSection, Meeting, MeetingLayout } from "../model.js";
import { proposalViews, withProposalsSection, type ProposalView } from "./proposal-view.js";
import { invitedTeamViews, sectionsWithInvited, type InvitedTeamView } from "./invited-view.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { escapeUrl } from "./escape-url.js";

export interface StandingItemView {
  title: string;
  url?: string;
}

/** One section of the layout as templates see it; `items` and `standingItems` are what it lists besides the agenda. */
export interface SectionView<Item> {
  heading: string;
  level: 2 | 3;
  /** `##` or `###`. */
  hashes: string;
  agenda: boolean;
  /** The section lists the previous minutes' follow-ups (`followUps`); it is there only when they hold some. */
  followUps: boolean;
  /** Whether the section lists anything: the agenda, labelled items, standing items or invited teams. */
  lists: boolean;
  standingItems: StandingItemView[];
  items: Item[];
  /** The section lists the proposals not decided yet (`proposals: true`); it is left out while there are none. */
  proposals: boolean;
  proposed: ProposalView[];
  /** Lists the invited teams' members (`invited: true`). */
  invited: boolean;
  /** The invited teams the app read, with their members, in an `invited` section; empty elsewhere. */
  teams: InvitedTeamView[];
}

function layoutOf(meeting: Meeting): MeetingLayout {
  return meeting.layout ?? DEFAULT_LAYOUT;
}

/** Which section lists an item: the first whose labels it carries (GitHub compares labels without case); undefined: its repository's group. */
function sectionOf(item: AgendaItem, sections: LayoutSection[]): LayoutSection | undefined {
  const labels = new Set(item.labels.map((label) => label.toLowerCase()));
  return sections.find((section) => section.labels.some((label) => labels.has(label.toLowerCase())));
}

/** The agenda's repository groups without the items a labelled section lists. */
export function groupsLeftForAgenda(agenda: Agenda): AgendaGroup[] {
  const { sections } = layoutOf(agenda.meeting);
  return agenda.groups
    .map((group) => ({ ...group, items: group.items.filter((item) => sectionOf(item, sections) === undefined) }))
    .filter((group) => group.items.length > 0);
}

export function agendaStandingItems(meeting: Meeting): StandingItemView[] {
  const agendaHeading = layoutOf(meeting).sections.find((section) => section.agenda)?.heading;
  return standingItemsUnder(meeting, (section) => section === undefined || section === agendaHeading);
}

export function allStandingItems(meeting: Meeting): StandingItemView[] {
  return standingItemsUnder(meeting, () => true);
}

function standingItemsUnder(meeting: Meeting, under: (section: string | undefined) => boolean): StandingItemView[] {
  return meeting.standingItems
    .filter((item) => under(item.section))
    .map((item) => ({ title: escapeMarkdown(item.title), ...(item.url ? { url: escapeUrl(item.url) } : {}) }));
}

/** The layout's sections, each with the labelled items and standing items it lists; that of follow-ups only when there are some. */
export function sectionViews<Item>(agenda: Agenda, itemView: (item: AgendaItem) => Item): SectionView<Item>[] {
  const sections = sectionsWithInvited(agenda, layoutOf(agenda.meeting).sections, agenda.meeting.layout === undefined);
  const items = agenda.groups.flatMap((group) => group.items);
  const followingUp = (agenda.followUps?.items.length ?? 0) > 0;
  const proposed = proposalViews(agenda);
  const shown = withProposalsSection(sections).filter(
    (section) => (section.proposals !== true || proposed.length > 0) && (followingUp || section.followUps !== true),
  );
  return shown.map((section) => {
    const own = section.agenda ? [] : items.filter((item) => sectionOf(item, sections) === section).map(itemView);
    const teams = section.invited ? invitedTeamViews(agenda, (attendee) => attendeeView(agenda.meeting, attendee)) : [];
    const standingItems = section.agenda
      ? agendaStandingItems(agenda.meeting)
      : standingItemsUnder(agenda.meeting, (heading) => heading === section.heading);
    return {
      heading: escapeMarkdown(section.heading),
      level: section.level,
      hashes: "#".repeat(section.level),
      agenda: section.agenda,
      followUps: section.followUps === true,
      lists:
        section.agenda ||
        section.followUps === true ||
        own.length > 0 ||
        standingItems.length > 0 ||
        section.labels.length > 0 ||
        section.proposals === true ||
        teams.length > 0,
      standingItems,
      items: own,
      proposals: section.proposals === true,
      proposed: section.proposals === true ? proposed : [],
      invited: section.invited === true,
      teams,
    };
  });
}

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export interface AttendeeView {
  login: string;
  name?: string;
  role?: string;
  text: string;
}

/**
 * A person as the minutes' Present section lists them: `Name (@login)` or `Name @login`, then
 * `(role)` when the layout gives them one. Escaped like every other text: the `@login` shows
 * as written and pings nobody, wherever the minutes are shown or quoted.
 */
export function attendeeView(meeting: Meeting, attendee: Attendee): AttendeeView {
  const { present } = layoutOf(meeting);
  const login = attendee.login.replace(/^@/, "");
  const handle = escapeMarkdown(GITHUB_LOGIN.test(login) ? `@${login}` : login);
  const name = attendee.name?.trim() ? escapeMarkdown(attendee.name) : undefined;
  const role = present.roles.find((entry) => entry.logins.some((member) => member.toLowerCase() === login.toLowerCase()))?.role;
  const person = name ? (present.style === "name_login" ? `${name} ${handle}` : `${name} (${handle})`) : handle;
  return {
    login: escapeMarkdown(login),
    ...(name ? { name } : {}),
    ...(role ? { role: escapeMarkdown(role) } : {}),
    text: role ? `${person} (${escapeMarkdown(role)})` : person,
  };
}

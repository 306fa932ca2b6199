import type { Agenda, AgendaItem, Attendee, Meeting, ProjectSource } from "../model.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { escapeUrl } from "./escape-url.js";
import { agendaStandingItems, allStandingItems, attendeeView, groupsLeftForAgenda, sectionViews, type AttendeeView, type SectionView, type StandingItemView } from "./layout-view.js";
import { listInWords } from "./list-in-words.js";
import { followUpsView, type FollowUpsView } from "./follow-ups-view.js";
import { meetingTimes, type MeetingTimes } from "./meeting-times.js";

export interface MeetingViewInput {
  agenda: Agenda;
  /** The issue title, plain text. */
  title: string;
  issueUrl?: string;
  minutesPullRequestUrl?: string;
  attendees?: Attendee[];
  /** Mark new items and draft pull requests (the live issue does; the minutes do not). */
  markItems: boolean;
  /**
   * The text lists the layout's sections (`{{> sections}}`, and the issue's agenda always does):
   * `groups` and `standingItems` then leave out what another section lists. Otherwise they hold everything.
   */
  sectioned?: boolean;
}

/** Labels of links where a template lists them, unless the meeting's `link_labels` say otherwise. */
const DEFAULT_LINK_LABELS: Record<string, string> = { recording: "Recording", notes: "Notes", calendar: "Calendar" };

/**
 * What templates see. Every string that came from people (titles, names, labels) is already
 * Markdown-escaped and every URL made safe for `<url>` and `(url)`, so a template cannot forget.
 * The only values written as they are: `observers`, whose mentions are meant to ping. `invited` is
 * escaped: people and teams are named without a ping (`ping_invited` pings them once, apart: pingLine).
 * Each field is documented in TEMPLATE_FIELDS (template-fields.ts), which fails the type check on a
 * field it lacks; templates/README.md shows that table to people who write their own templates.
 */
export interface MeetingView {
  id: string;
  name: string;
  title: string;
  /** Local date of the occurrence, YYYY-MM-DD. */
  date: string;
  cancelled: boolean;
  /** Why a person cancelled it, escaped. */
  cancelReason?: string;
  time: MeetingTimes;
  links: Record<string, string>;
  linkLabels: Record<string, string>;
  issueUrl?: string;
  minutesPullRequestUrl?: string;
  invited: string[];
  observers: string[];
  attendees: AttendeeView[];
  agendaLabels: string[];
  /** `security-wg-agenda`, or `a, b` for several labels. */
  agendaLabelList: string;
  /** `the **nodejs org**`, `the **nodejs/node and nodejs/TSC** repositories`… */
  scopeText: string;
  /** The project board whose items are the agenda (`sources.project`), escaped; absent: the labels are. */
  projectSource?: { owner: string; number: number; field: string; value: string };
  /** Labelled discussions count too (`sources.discussions`); `categoryList` names its categories, escaped, empty for all. */
  discussionSource?: { categoryList: string };
  /** The meeting takes discussions, and GitHub refused to search them. */
  discussionsUnread: boolean;
  standingItems: StandingItemView[];
  groups: { repo: string; items: ItemView[] }[];
  /** The layout's sections in order (the minutes' `{{> sections}}`). */
  sections: SectionView<ItemView>[];
  searchUrls: string[];
  /** Search matched more than the 1,000 results per query it returns: the agenda lacks the rest. */
  truncated: boolean;
  /** Items left out of `groups` so that the text fits GitHub's limits; `searchUrls` list them all. */
  hiddenItems: number;
  /** The previous occurrence's merged minutes' unchecked tasks and `ACTION:` lines, when they hold some. */
  followUps?: FollowUpsView;
}

export interface ItemView {
  repo: string;
  number: number;
  kind: AgendaItem["kind"];
  title: string;
  url: string;
  author?: string;
  labels: string[];
  isNew: boolean;
  draft: boolean;
  /** ` (draft)`, ` *(new)*`, both or nothing: in the issue only. */
  markers: string;
}

export function buildMeetingView(input: MeetingViewInput): MeetingView {
  const { agenda, title } = input;
  const { meeting, occurrence } = agenda;
  const sectioned = input.sectioned === true;
  const toItemView = (item: AgendaItem) => itemView(item, input.markItems);
  return {
    id: meeting.id,
    name: escapeMarkdown(meeting.name),
    title: escapeMarkdown(title),
    date: occurrence.date,
    cancelled: occurrence.cancelled === true,
    ...(occurrence.cancelled && occurrence.cancelReason ? { cancelReason: escapeMarkdown(occurrence.cancelReason) } : {}),
    time: meetingTimes(meeting, occurrence, title),
    // A link may hold `{{date}}`, the occurrence's date: a notes document per meeting.
    links: Object.fromEntries(Object.entries({ ...meeting.links, ...occurrence.links }).map(([key, url]) => [key, escapeUrl(url.replaceAll("{{date}}", occurrence.date))])),
    linkLabels: Object.fromEntries(
      Object.entries({ ...DEFAULT_LINK_LABELS, ...meeting.linkLabels }).map(([key, label]) => [key, escapeMarkdown(label)]),
    ),
    ...(input.issueUrl ? { issueUrl: escapeUrl(input.issueUrl) } : {}),
    ...(input.minutesPullRequestUrl ? { minutesPullRequestUrl: escapeUrl(input.minutesPullRequestUrl) } : {}),
    invited: meeting.invited.map(escapeMarkdown),
    observers: meeting.observers,
    attendees: (input.attendees ?? []).map((attendee) => attendeeView(meeting, attendee)),
    agendaLabels: meeting.agendaLabels.map(escapeMarkdown),
    agendaLabelList: meeting.agendaLabels.map(escapeMarkdown).join(", "),
    scopeText: scopeText(meeting),
    ...(meeting.sources?.project && { projectSource: projectSourceView(meeting.sources.project) }),
    ...(meeting.sources?.discussions && { discussionSource: { categoryList: meeting.sources.discussions.categories.map(escapeMarkdown).join(", ") } }),
    discussionsUnread: agenda.discussionsUnread === true,
    standingItems: sectioned ? agendaStandingItems(meeting) : allStandingItems(meeting),
    groups: (sectioned ? groupsLeftForAgenda(agenda) : agenda.groups).map((group) => ({
      repo: escapeMarkdown(group.repo),
      items: group.items.map(toItemView),
    })),
    sections: sectionViews(agenda, toItemView),
    searchUrls: agenda.searchUrls.map(escapeUrl),
    truncated: agenda.truncated === true,
    hiddenItems: agenda.hiddenItems ?? 0,
    ...(agenda.followUps && agenda.followUps.items.length > 0 && { followUps: followUpsView(agenda.followUps) }),
  };
}

function itemView(item: AgendaItem, markItems: boolean): ItemView {
  const isNew = item.isNew === true;
  const draft = item.draft === true;
  const markers = markItems ? `${draft ? " (draft)" : ""}${isNew ? " *(new)*" : ""}` : "";
  return {
    repo: escapeMarkdown(item.repo),
    number: item.number,
    kind: item.kind,
    title: escapeMarkdown(item.title),
    url: escapeUrl(item.url),
    ...(item.author ? { author: escapeMarkdown(item.author) } : {}),
    labels: item.labels.map(escapeMarkdown),
    isNew,
    draft,
    markers,
  };
}

function projectSourceView(source: ProjectSource): NonNullable<MeetingView["projectSource"]> {
  return { owner: escapeMarkdown(source.owner), number: source.number, field: escapeMarkdown(source.field), value: escapeMarkdown(source.value) };
}

function scopeText(meeting: Meeting): string {
  const { orgs, repos } = meeting.scope;
  if (orgs.length > 0) {
    return `the **${listInWords(orgs.map(escapeMarkdown))} ${orgs.length === 1 ? "org" : "orgs"}**`;
  }
  if (repos.length === 1) return `the **${escapeMarkdown(repos[0]!)}** repository`;
  return `the **${listInWords(repos.map(escapeMarkdown))}** repositories`;
}

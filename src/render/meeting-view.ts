import type { Agenda, AgendaItem, Attendee, Meeting } from "../model.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { escapeUrl } from "./escape-url.js";
import { listInWords } from "./list-in-words.js";
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
}

/**
 * What templates see. Every string that came from people (titles, names, labels) is already
 * Markdown-escaped and every URL made safe for `<url>` and `(url)`, so a template cannot forget.
 * The only values written as they are: `invited` and `observers`, whose mentions are meant to ping.
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
  time: MeetingTimes;
  links: Record<string, string>;
  issueUrl?: string;
  minutesPullRequestUrl?: string;
  invited: string[];
  observers: string[];
  attendees: { login: string; name?: string; text: string }[];
  agendaLabels: string[];
  /** `security-wg-agenda`, or `a, b` for several labels. */
  agendaLabelList: string;
  /** `the **nodejs org**`, `the **nodejs/node and nodejs/TSC** repositories`… */
  scopeText: string;
  standingItems: { title: string; url?: string }[];
  groups: { repo: string; items: ItemView[] }[];
  searchUrls: string[];
  /** Search matched more than the 1,000 results per query it returns: the agenda lacks the rest. */
  truncated: boolean;
  /** Items left out of `groups` so that the text fits GitHub's limits; `searchUrls` list them all. */
  hiddenItems: number;
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

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export function buildMeetingView(input: MeetingViewInput): MeetingView {
  const { agenda, title } = input;
  const { meeting, occurrence } = agenda;
  return {
    id: meeting.id,
    name: escapeMarkdown(meeting.name),
    title: escapeMarkdown(title),
    date: occurrence.date,
    cancelled: occurrence.cancelled === true,
    time: meetingTimes(meeting, occurrence, title),
    links: Object.fromEntries(Object.entries(meeting.links).map(([key, url]) => [key, escapeUrl(url)])),
    ...(input.issueUrl ? { issueUrl: escapeUrl(input.issueUrl) } : {}),
    ...(input.minutesPullRequestUrl ? { minutesPullRequestUrl: escapeUrl(input.minutesPullRequestUrl) } : {}),
    invited: meeting.invited,
    observers: meeting.observers,
    attendees: (input.attendees ?? []).map(attendeeView),
    agendaLabels: meeting.agendaLabels.map(escapeMarkdown),
    agendaLabelList: meeting.agendaLabels.map(escapeMarkdown).join(", "),
    scopeText: scopeText(meeting),
    standingItems: meeting.standingItems.map((item) => ({
      title: escapeMarkdown(item.title),
      ...(item.url ? { url: escapeUrl(item.url) } : {}),
    })),
    groups: agenda.groups.map((group) => ({
      repo: escapeMarkdown(group.repo),
      items: group.items.map((item) => itemView(item, input.markItems)),
    })),
    searchUrls: agenda.searchUrls.map(escapeUrl),
    truncated: agenda.truncated === true,
    hiddenItems: agenda.hiddenItems ?? 0,
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

// The minutes are a committed file, where a mention pings nobody, so `@login` stays a link to the
// person; a string that is not a GitHub login is escaped like any other text.
function attendeeView(attendee: Attendee): MeetingView["attendees"][number] {
  const handle = GITHUB_LOGIN.test(attendee.login) ? `@${attendee.login}` : escapeMarkdown(attendee.login);
  const name = attendee.name?.trim() ? escapeMarkdown(attendee.name) : undefined;
  return {
    login: handle.replace(/^@/, ""),
    ...(name ? { name } : {}),
    text: name ? `${name} (${handle})` : handle,
  };
}

function scopeText(meeting: Meeting): string {
  const { orgs, repos } = meeting.scope;
  if (orgs.length > 0) {
    return `the **${listInWords(orgs.map(escapeMarkdown))} ${orgs.length === 1 ? "org" : "orgs"}**`;
  }
  if (repos.length === 1) return `the **${escapeMarkdown(repos[0]!)}** repository`;
  return `the **${listInWords(repos.map(escapeMarkdown))}** repositories`;
}

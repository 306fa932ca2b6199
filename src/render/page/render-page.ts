import { DateTime } from "luxon";
import type { Agenda, Occurrence } from "../../model.js";
import type { IssuedOccurrence, MeetingPageEntry } from "../calendar/meeting-calendar.js";
import { escapeHtml, link } from "./escape-html.js";
import { pagePath, repoFeedPath } from "./page-paths.js";
import { PAGE_SCRIPT, PAGE_STYLE } from "./page-style.js";

export interface PageInput {
  /** Whose meetings: an owner, a home repo, or undefined for every public meeting. */
  owner?: string;
  repo?: string;
  /** The feed of the same meetings, when there is one (an owner's or a repo's). */
  feedUrl?: string;
  entries: MeetingPageEntry[];
  now: Date;
}

/** How many past meetings each meeting lists. */
const PAST_SHOWN = 10;

/**
 * The page of what is next: for each meeting its next occurrence, the time in the meeting's zone
 * (the inline script shows it in the reader's own), its live agenda, its links and its past
 * meetings with their minutes. Plain server-rendered HTML: readable without JavaScript; every
 * title and configured text is escaped, every link is http(s) or the app's own.
 */
export function renderPage(input: PageInput): string {
  const whose = input.repo !== undefined ? `${input.owner}/${input.repo}` : input.owner;
  const title = whose === undefined ? "Meetings" : `Meetings of ${whose}`;
  const subscribe = input.feedUrl ? `<p>Subscribe to ${link(input.feedUrl, `the calendar of ${whose ?? "these meetings"}`)} (iCalendar).</p>` : "";
  const meetings = input.entries.length === 0 ? "<p>No public meeting is scheduled here.</p>" : input.entries.map((entry) => meetingSection(entry, input.now)).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${input.feedUrl ? `<link rel="alternate" type="text/calendar" title="${escapeHtml(title)}" href="${escapeHtml(input.feedUrl)}">` : ""}
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<nav aria-label="Breadcrumb">${breadcrumb(input)}</nav>
<h1>${escapeHtml(title)}</h1>
${subscribe}
<p class="zone-note">Times are shown in <span data-reader-zone>each meeting's own time zone</span>.</p>
</header>
<main>
${meetings}
</main>
<footer><p>Drafted by agenda-drafter from each home repository's <code>.github/agenda-drafter.yml</code>.</p></footer>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function breadcrumb(input: PageInput): string {
  const parts = [link(pagePath(), "All meetings")];
  if (input.owner !== undefined) parts.push(link(pagePath(input.owner), input.owner));
  if (input.owner !== undefined && input.repo !== undefined) parts.push(link(pagePath(input.owner, input.repo), input.repo));
  return parts.join(" / ");
}

function meetingSection(entry: MeetingPageEntry, now: Date): string {
  const { meeting } = entry;
  const id = `meeting-${meeting.home.owner}-${meeting.home.repo}-${meeting.id}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const home = `${meeting.home.owner}/${meeting.home.repo}`;
  return `<section aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(meeting.name)}</h2>
<p class="home">${link(pagePath(meeting.home.owner, meeting.home.repo), home)}</p>
${nextBlock(entry)}
${pastBlock(entry, now)}
</section>`;
}

function nextBlock(entry: MeetingPageEntry): string {
  const next = entry.next;
  if (!next) return `<h3>Next meeting</h3><p>None scheduled.</p>${linkList(entry, undefined)}`;
  const moved = next.issued?.rescheduled ? " <strong>(moved)</strong>" : "";
  return `<h3>Next meeting</h3>
<p class="when">${timeElement(next.occurrence, entry.meeting.schedule.timezone)}${moved}</p>
${linkList(entry, next.issued)}
<h4>Agenda</h4>
${next.agenda ? agendaList(next.agenda) : "<p>The agenda is not available right now.</p>"}`;
}

function linkList(entry: MeetingPageEntry, issued: IssuedOccurrence | undefined): string {
  const links = [
    ...(issued ? [link(issued.issueUrl, "Meeting issue")] : []),
    ...(issued?.minutesUrl ? [link(issued.minutesUrl, "Minutes pull request")] : []),
    ...Object.entries(entry.meeting.links).map(([name, url]) => link(url, linkName(name))),
    link(repoFeedPath(entry.meeting.home), "Calendar feed"),
  ];
  return `<ul class="links">${links.map((item) => `<li>${item}</li>`).join("")}</ul>`;
}

function linkName(name: string): string {
  const words = name.replace(/[_-]+/g, " ").trim();
  return words === "joining" ? "Join the meeting" : words.charAt(0).toUpperCase() + words.slice(1);
}

function agendaList({ groups, discussionsUnread }: Agenda): string {
  // As the meeting issue says it: a reader must not take a list without discussions for the whole agenda.
  const unread = discussionsUnread ? "<p>Discussions are not listed: GitHub refused to search them, as the app lacks the Discussions permission.</p>" : "";
  if (groups.length === 0) return `<p>Nothing is on the agenda yet.</p>${unread}`;
  const listed = groups
    .map(
      (group) =>
        `<h5>${escapeHtml(group.repo)}</h5><ul class="agenda">${group.items
          .map((item) => `<li>${link(item.url, item.title)} <span class="ref">${escapeHtml(`${item.repo}#${item.number}`)}</span>${item.isNew ? ' <span class="new">new</span>' : ""}</li>`)
          .join("")}</ul>`,
    )
    .join("");
  return `${listed}${unread}`;
}

function pastBlock(entry: MeetingPageEntry, now: Date): string {
  const past = entry.issued
    .filter((issued) => Date.parse(issued.stated.end) <= now.getTime())
    .sort((a, b) => Date.parse(b.stated.start) - Date.parse(a.stated.start))
    .slice(0, PAST_SHOWN);
  if (past.length === 0) return "";
  const rows = past.map((issued) => {
    const parts = [link(issued.issueUrl, "meeting issue")];
    if (issued.cancelledByCommand) parts.push("cancelled");
    else parts.push(issued.minutesUrl ? link(issued.minutesUrl, "minutes") : "no minutes yet");
    return `<li>${timeElement(issued.stated, entry.meeting.schedule.timezone)}: ${parts.join(", ")}</li>`;
  });
  return `<h3>Past meetings</h3><ul class="past">${rows.join("")}</ul>`;
}

/** The start in the meeting's zone, as a `<time>` the inline script shows in the reader's zone. */
function timeElement(occurrence: Occurrence, zone: string): string {
  const start = DateTime.fromISO(occurrence.start).setZone(zone);
  const text = `${start.toFormat("cccc d LLLL yyyy, HH:mm")} ${zone === "UTC" ? "UTC" : `(${zone})`}`;
  return `<time datetime="${escapeHtml(occurrence.start)}" data-local>${escapeHtml(text)}</time>`;
}

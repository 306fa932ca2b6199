// The domain types that flow through the pipeline:
// config → schedule → collect → agenda model → render → publish.
// Each step owns the functions; these are the values passed between steps.

export type RepoFullName = `${string}/${string}`;

/** A meeting as the app uses it: its config file entry with every default resolved. */
export interface Meeting {
  /** Meeting id from the config file, [a-z0-9-]+. */
  id: string;
  /** The repository that declares the meeting and holds its issues and minutes. */
  home: { owner: string; repo: string };
  name: string;
  agendaLabels: string[];
  /** Other agenda sources, where the config names them (`sources`). */
  sources?: { project?: ProjectSource; discussions?: DiscussionSource };
  /** Exactly one of orgs or repos is non-empty. */
  scope: { orgs: string[]; repos: RepoFullName[] };
  /** Private or internal repositories whose items this meeting may show besides its home repo. */
  includePrivate: RepoFullName[];
  /** Repository display order; repositories not listed follow alphabetically. */
  repoOrder: RepoFullName[];
  schedule: ScheduleConfig;
  /** Milliseconds before the start at which the meeting issue appears. */
  leadTimeMs: number;
  invited: string[];
  /** One ping of `invited` in each new meeting issue (`ping_invited`); absent: none. */
  pingInvited?: true;
  observers: string[];
  standingItems: StandingItem[];
  minutes: { path: string; open: "after_meeting" | "with_issue" | "on_command" };
  /** `pin`: the current issue is pinned in the home repo (`issue.pin`); absent: not. */
  issue: { labels: string[]; closePrevious: boolean; title: string; pin?: true };
  templates: { issue?: string; minutes?: string };
  links: Record<string, string>;
  /** How templates label links, by `links` key, where the config says so. */
  linkLabels?: Record<string, string>;
  /** The minutes' sections and Present entries, where the config says so; absent: the default layout. */
  layout?: MeetingLayout;
  timezones: string[];
  /** How the time table names a zone's row, by zone, where the config says so ("US / Pacific"). */
  timezoneLabels?: Record<string, string>;
  dryRun: boolean;
  /** Where the home repo's iCalendar feed is committed when it changes (`calendar.path`). */
  calendar?: { path: string };
  /**
   * Who may steer the meeting by comment commands, when the config says so. Absent: members of
   * the invited teams and people with triage or higher on the home repo.
   */
  commands?: { allow: { teams: string[]; logins: string[] } };
}

/** A GitHub Projects (v2) board whose items with `field` set to `value` are the agenda, instead of the labels. */
export interface ProjectSource {
  owner: string;
  number: number;
  field: string;
  value: string;
}

/** Labelled discussions as agenda items besides issues and pull requests (`sources.discussions`). */
export interface DiscussionSource {
  /** Only discussions of these categories (names as the config writes them); empty: every category. */
  categories: string[];
}

export interface StandingItem {
  title: string;
  url?: string;
  /** Heading of the layout section it is listed under; absent: the agenda's section. */
  section?: string;
}

export interface MeetingLayout {
  /** In order; exactly one has `agenda`. */
  sections: LayoutSection[];
  present: { style: "name_parenthesized_login" | "name_login"; roles: { role: string; logins: string[] }[] };
}

export interface LayoutSection {
  heading: string;
  level: 2 | 3;
  /** Lists the invited teams' members; absent: not. */
  invited?: true;
  /** Where the items by repository go (with the line saying where they come from). */
  agenda: boolean;
  /** Items with any of these labels are listed here instead of under their repository. */
  labels: string[];
  /** Lists the action items of the previous meeting's minutes (shown only when there are some). */
  followUps?: true;
  /** Where the items proposed by `/agenda propose` and not decided yet are listed. */
  proposals?: boolean;
}

export type ScheduleConfig =
  | {
      kind: "rrule";
      timezone: string;
      /** Wall time of the first occurrence in `timezone`, "YYYY-MM-DDTHH:mm". */
      start: string;
      /** RFC 5545 RRULE body without DTSTART; undefined for a one-off meeting. */
      rrule?: string;
      durationMinutes: number;
      /** Local dates (YYYY-MM-DD in `timezone`) without a meeting. */
      exceptions: string[];
      /**
       * Alternating slots, each its own rule, time and links; `start`, `rrule` and `durationMinutes`
       * above are then the first slot's. A date has at most one occurrence: the first slot listed wins.
       */
      slots?: ScheduleSlot[];
    }
  | {
      kind: "calendar";
      timezone: string;
      calendarUrl: string;
      calendarFilter?: string;
      durationMinutes: number;
      exceptions: string[];
    };

/** One recurrence of a meeting with several: its own first wall time, rule, length and links. */
export interface ScheduleSlot {
  start: string;
  rrule?: string;
  durationMinutes: number;
  /** Links of this slot's occurrences, over the meeting's (`joining`, …). */
  links: Record<string, string>;
}

/** One occurrence of a meeting. */
export interface Occurrence {
  /**
   * The occurrence's identity: its originally scheduled local date, YYYY-MM-DD. It stays the same
   * when the occurrence moves (a calendar's RECURRENCE-ID, a reschedule command).
   */
  key: string;
  /** Local date in the meeting's zone on which it takes place, YYYY-MM-DD. */
  date: string;
  /** ISO 8601 UTC instants. */
  start: string;
  end: string;
  /** Set for an occurrence that will not take place: the schedule dropped it, or a person cancelled it (`/meeting cancel`). */
  cancelled?: boolean;
  /** The links of its slot, over the meeting's, for a meeting with several slots. */
  links?: Record<string, string>;
  /** Why a person cancelled it, as they wrote it (`/meeting cancel <reason>`); escaped wherever it is shown. */
  cancelReason?: string;
  /** Items proposed by `/agenda propose` that no steerer has added or declined yet, oldest first. */
  proposals?: Proposal[];
}

/** An item someone proposed for an occurrence's agenda (`/agenda propose <ref> [why]`). */
export interface Proposal {
  repo: RepoFullName;
  number: number;
  /** The item's title and URL when it was proposed; escaped wherever they are shown. */
  title: string;
  url: string;
  /** Who proposed it (a GitHub login). */
  by: string;
  /** Their reason, cut short; escaped wherever it is shown. */
  why?: string;
}

/** An issue, pull request or discussion by name: `owner/name` and number. */
export interface ItemRef {
  repo: RepoFullName;
  number: number;
  /** Named as a discussion (its URL says so): GitHub reads and labels discussions apart. */
  discussion?: boolean;
}

/** A person recorded as present at a meeting. */
export interface Attendee {
  login: string;
  /** The GitHub profile name, if the person set one. */
  name: string | null;
}

/** An occurrence's meeting issue, as the steps that act on it need it. */
export interface OccurrenceIssue {
  occurrence: Occurrence;
  issueNumber: number;
}

export interface AgendaItem {
  repo: RepoFullName;
  number: number;
  kind: "issue" | "pull_request" | "discussion";
  title: string;
  url: string;
  author: string | null;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  /** Pull requests only. */
  draft?: boolean;
  /** Not on the previous occurrence's agenda. */
  isNew?: boolean;
}

export interface AgendaGroup {
  repo: RepoFullName;
  items: AgendaItem[];
}

/** An invited team and the members the meeting issue may list (see readInvitedTeams). */
export interface InvitedTeam {
  /** `@org/slug`, as the config names it. */
  team: string;
  members: Attendee[];
  /** Members left out because their membership of the org is private (a public home repo lists only public ones). */
  privateMembers: number;
  /** Members left out to keep the issue within GitHub's body limit: of the frozen record (recordInvitedTeams), or of the live list (cutMembers). */
  unlistedMembers?: number;
}

export interface Agenda {
  meeting: Meeting;
  occurrence: Occurrence;
  /** The invited teams the app could read, with their members; absent when the meeting invites no team or none was read. */
  invitedTeams?: InvitedTeam[];
  groups: AgendaGroup[];
  /** GitHub search pages that list the same items, one per query sent. */
  searchUrls: string[];
  /** Search matched more than it returns (1,000 results per query): items beyond those are missing. */
  truncated?: boolean;
  /** Items left out so that the text fits GitHub's limits (their search pages list them). */
  hiddenItems?: number;
  /** The meeting takes discussions, and GitHub refused to search them (the app lacks the Discussions permission). */
  discussionsUnread?: true;
  /** What the previous occurrence's merged minutes left to do, when they are on the default branch. */
  followUps?: FollowUps;
}

/** The unchecked task-list items and `ACTION:` lines of the previous occurrence's merged minutes. */
export interface FollowUps {
  /** The previous occurrence's local date, YYYY-MM-DD. */
  date: string;
  /** The minutes file on the home repo's default branch, as GitHub shows it. */
  url: string;
  /** In the order the minutes write them, at most a bounded number. */
  items: FollowUp[];
  /** How many more the minutes hold than `items` lists. */
  more: number;
}

export interface FollowUp {
  /** What the minutes show of it, as plain text (Markdown markup removed, not escaped yet), bounded in length. */
  text: string;
  /** 1-based line of the minutes file it starts on. */
  line: number;
}

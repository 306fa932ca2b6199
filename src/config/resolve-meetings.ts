import type { RepoRef } from "../github.js";
import type { Meeting, RepoFullName, ScheduleConfig, ScheduleSlot } from "../model.js";
import { formatKeyPath } from "./key-path.js";
import { parseLeadTime } from "./lead-time.js";
import type { Locator } from "./locate.js";
import { mergeLayers } from "./merge-layers.js";
import { layoutProblems, toLayout } from "./resolve-layout.js";
import { slotProblems, wallTimeExists } from "./slot-problems.js";
import type { ConfigProblem } from "./problem.js";
import type { RawConfigFile, RawMeeting } from "./schema.js";

const DEFAULT_LEAD_TIME = "3d";
const DEFAULT_MINUTES_PATH = "meetings/{{date}}.md";
const DEFAULT_ISSUE_TITLE = "{{name}} Meeting {{date}}";
const DEFAULT_ISSUE_LABELS = ["meeting"];
const DEFAULT_DURATION_MINUTES = 60;

export interface ResolveOptions {
  /** The repository whose own config file `raw` is. */
  home: RepoRef;
  /** The file's name in problems. */
  file: string;
  /** Defaults from extended files, below the file's own `defaults`. */
  defaults?: RawMeeting;
  /** Where key paths are written in the file, to give problems a line. */
  locate?: Locator;
}

/**
 * Turns a validated config file into meetings with every default resolved. A meeting that is
 * incomplete or inconsistent once its defaults are applied is left out with a problem; the
 * others come out.
 */
export function resolveMeetings(
  raw: RawConfigFile,
  options: ResolveOptions,
): { meetings: Meeting[]; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const meetings: Meeting[] = [];
  const minutesOwners = new Map<string, string>();
  const entries = Object.entries(raw.meetings ?? {});

  for (const [id, entry] of entries) {
    const merged = mergeLayers(options.defaults, raw.defaults, entry);
    const meetingProblems = completenessProblems(id, merged);
    const sources = sourcesProblem(merged, entry);
    if (sources) meetingProblems.push(problem(["meetings", id, ...sources.path], sources.message));
    const minutesPath = merged.minutes?.path ?? DEFAULT_MINUTES_PATH;
    const owner = minutesOwners.get(minutesPath);
    if (owner !== undefined) {
      meetingProblems.push(
        problem(
          ["meetings", id, "minutes", "path"],
          `meetings \`${owner}\` and \`${id}\` both write their minutes to \`${minutesPath}\`; give \`${id}\` its own \`minutes.path\`, e.g. \`meetings/${id}/{{date}}.md\``,
        ),
      );
    }
    problems.push(...meetingProblems);
    if (meetingProblems.length > 0) continue;
    minutesOwners.set(minutesPath, id);
    meetings.push(toMeeting(id, merged, options.home));
  }
  return { meetings, problems };

  function completenessProblems(id: string, meeting: RawMeeting): ConfigProblem[] {
    const at = (...path: string[]) => ["meetings", id, ...path];
    const found: ConfigProblem[] = [];
    if (meeting.name === undefined) found.push(problem(at("name"), "is required"));
    const schedule = meeting.schedule;
    if (schedule === undefined) return [...found, problem(at("schedule"), "is required")];
    if (schedule.timezone === undefined) found.push(problem(at("schedule", "timezone"), "is required"));
    if (schedule.slots !== undefined) return [...found, ...slotProblems(schedule).map((slot) => problem([...at("schedule"), ...slot.path], slot.message))];
    if (schedule.start !== undefined && schedule.calendar !== undefined) {
      found.push(problem(at("schedule"), "give either `start` (with an optional `rrule`) or `calendar`, not both"));
    } else if (schedule.start === undefined && schedule.calendar === undefined) {
      found.push(problem(at("schedule"), "needs `start` (with an optional `rrule`) or a `calendar` URL"));
    } else if (schedule.start !== undefined && schedule.calendar_filter !== undefined) {
      found.push(problem(at("schedule", "calendar_filter"), "applies only to a `calendar`"));
    } else if (schedule.calendar !== undefined && schedule.rrule !== undefined) {
      found.push(problem(at("schedule", "rrule"), "applies only to `start`; a calendar gives its own recurrence"));
    }
    if (schedule.start !== undefined && schedule.timezone !== undefined && !wallTimeExists(schedule.start, schedule.timezone)) {
      found.push(problem(at("schedule", "start"), `\`${schedule.start}\` does not exist in ${schedule.timezone}: the clocks skip it`));
    }
    for (const { path, message } of layoutProblems(meeting)) found.push(problem(["meetings", id, ...path], message));
    return found;
  }

  function problem(path: readonly PropertyKey[], message: string): ConfigProblem {
    return { file: options.file, path: formatKeyPath(path), ...options.locate?.(path, "value"), message, severity: "error" };
  }
}

/**
 * A board replaces the agenda labels that find discussions, whichever layers give the two: pinned
 * where the meeting's entry writes either, else at the entry.
 */
function sourcesProblem(merged: RawMeeting, entry: RawMeeting): { path: string[]; message: string } | undefined {
  if (!(merged.sources?.project && merged.sources.discussions)) return undefined;
  const key = entry.sources?.discussions === undefined && entry.sources?.project !== undefined ? "project" : "discussions";
  return { path: ["sources", key], message: "a meeting whose agenda is a project board takes no discussions: add them to the board, or drop `project`" };
}

/** Only called on a meeting that passed `completenessProblems`, so `name` and `schedule` are there. */
function toMeeting(id: string, raw: RawMeeting, home: RepoRef): Meeting {
  const meeting: Meeting = {
    id,
    home: { owner: home.owner, repo: home.repo },
    name: raw.name ?? id,
    agendaLabels: raw.agenda_labels ?? [`${id}-agenda`],
    scope: raw.scope?.orgs
      ? { orgs: raw.scope.orgs, repos: [] }
      : { orgs: raw.scope?.repos ? [] : [home.owner], repos: asFullNames(raw.scope?.repos ?? []) },
    includePrivate: asFullNames(raw.include_private ?? []),
    repoOrder: asFullNames(raw.repo_order ?? []),
    schedule: toSchedule(raw.schedule ?? {}),
    leadTimeMs: parseLeadTime(raw.lead_time ?? DEFAULT_LEAD_TIME) ?? 0,
    invited: (raw.invited ?? []).map(withAt),
    ...(raw.ping_invited === true && { pingInvited: true as const }),
    observers: (raw.observers ?? []).map(withAt),
    standingItems: (raw.standing_items ?? []).map(({ title, url, section }) => ({ title, ...withoutUndefined({ url, section }) })),
    minutes: { path: raw.minutes?.path ?? DEFAULT_MINUTES_PATH, open: raw.minutes?.open ?? "after_meeting" },
    issue: {
      labels: raw.issue?.labels ?? DEFAULT_ISSUE_LABELS,
      closePrevious: raw.issue?.close_previous ?? true,
      title: raw.issue?.title ?? DEFAULT_ISSUE_TITLE,
      ...(raw.issue?.pin === true && { pin: true }),
    },
    templates: withoutUndefined({ issue: raw.templates?.issue, minutes: raw.templates?.minutes }),
    links: raw.links ?? {},
    timezones: (raw.timezones ?? []).map((entry) => (typeof entry === "string" ? entry : entry.zone)),
    dryRun: raw.dry_run ?? false,
  };
  if (raw.calendar) meeting.calendar = { path: raw.calendar.path };
  if (raw.link_labels) meeting.linkLabels = raw.link_labels;
  if (raw.sources?.project) meeting.sources = { ...meeting.sources, project: { ...raw.sources.project } };
  const discussions = raw.sources?.discussions;
  if (discussions) meeting.sources = { ...meeting.sources, discussions: { categories: discussions === true ? [] : [...discussions.categories] } };
  const zoneLabels = (raw.timezones ?? []).flatMap((entry) => (typeof entry === "string" ? [] : [[entry.zone, entry.label] as const]));
  if (zoneLabels.length > 0) meeting.timezoneLabels = Object.fromEntries(zoneLabels);
  if (raw.layout) meeting.layout = toLayout(raw.layout);
  const allow = raw.commands?.allow;
  if (allow) {
    meeting.commands = { allow: { teams: (allow.teams ?? []).map(withAt), logins: (allow.logins ?? []).map(withoutAt) } };
  }
  return meeting;
}

function toSchedule(raw: NonNullable<RawMeeting["schedule"]>): ScheduleConfig {
  const common = {
    timezone: raw.timezone ?? "UTC",
    durationMinutes: raw.duration ?? DEFAULT_DURATION_MINUTES,
    exceptions: raw.exceptions ?? [],
  };
  if (raw.calendar !== undefined) {
    return {
      kind: "calendar",
      ...common,
      // webcal:// is how calendar apps publish subscriptions; the same file is served over https.
      calendarUrl: raw.calendar.replace(/^webcal:/i, "https:"),
      ...withoutUndefined({ calendarFilter: raw.calendar_filter }),
    };
  }
  if (raw.slots !== undefined) {
    const slots = raw.slots.map((slot) => ({
      start: slot.start,
      ...withoutUndefined({ rrule: ruleBody(slot.rrule) }),
      durationMinutes: slot.duration ?? common.durationMinutes,
      links: slot.links ?? {},
    }));
    const [first] = slots as [ScheduleSlot, ...ScheduleSlot[]];
    return { kind: "rrule", ...common, start: first.start, ...withoutUndefined({ rrule: first.rrule }), durationMinutes: first.durationMinutes, slots };
  }
  return {
    kind: "rrule",
    ...common,
    start: raw.start ?? "",
    ...withoutUndefined({ rrule: ruleBody(raw.rrule) }),
  };
}

function ruleBody(rrule: string | undefined): string | undefined {
  return rrule?.trim().replace(/^RRULE:/i, "");
}

function asFullNames(repos: string[]): RepoFullName[] {
  return repos as RepoFullName[];
}

function withAt(handle: string): string {
  return handle.startsWith("@") ? handle : `@${handle}`;
}

function withoutAt(login: string): string {
  return login.replace(/^@/, "");
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

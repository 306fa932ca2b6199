import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { handlebarsSyntaxError } from "./handlebars-syntax-error.js";
import { layoutSchema } from "./layout-schema.js";
import { parseLeadTime } from "./lead-time.js";
import { rruleProblem } from "./rrule-problem.js";
import { sourcesSchema } from "./sources-schema.js";

// The shape of `.github/agenda-drafter.yml`. Every meeting key is optional here because a file's
// `defaults:` (or an extended file's) may supply it; what a complete meeting needs is checked after
// the layers are merged (resolve-meetings.ts). For the same reason no `.default()` is used: a
// default filled in here would hide the value of a lower layer.

const MEETING_ID = /^[a-z0-9-]+$/;
const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_FULL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const HANDLE = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]+)?$/;
const TEAM = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]+$/;
const LOGIN = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const nonEmptyText = z.string().trim().min(1, { error: "must not be empty" });

const timezone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), {
    error: (issue) => `\`${String(issue.input)}\` is not an IANA time zone (e.g. \`Europe/Berlin\`, \`UTC\`)`,
  })
  .describe("IANA time zone, e.g. `UTC`, `America/New_York`, `Europe/Berlin`.");

const url = (what: string, protocols: string[]) =>
  z.string().refine((text) => protocols.includes(urlProtocol(text) ?? ""), {
    error: (issue) => `\`${String(issue.input)}\` is not ${what} (${protocols.map((p) => `${p}//`).join(" or ")})`,
  });

const webUrl = url("a web URL", ["https:", "http:"]);

function urlProtocol(text: string): string | undefined {
  return URL.canParse(text) ? new URL(text).protocol : undefined;
}

const repoFullName = z
  .string()
  .regex(REPO_FULL_NAME, { error: (issue) => `\`${String(issue.input)}\` is not a repository; write \`owner/name\`` });

const repoList = (description: string) => z.array(repoFullName).describe(description);

const handle = z.string().regex(HANDLE, {
  error: (issue) => `\`${String(issue.input)}\` is not a GitHub user or team; write \`@login\` or \`@org/team\``,
});

const wallTime = z
  .string()
  .refine((text) => WALL_TIME.test(text) && DateTime.fromISO(text, { zone: "UTC" }).isValid, {
    error: (issue) => `\`${String(issue.input)}\` is not a date and time; write \`YYYY-MM-DDTHH:mm\`, e.g. \`2024-03-28T16:00\``,
  });

const date = z
  .string({ error: "expected a date written `YYYY-MM-DD`" })
  .refine((text) => DATE.test(text) && DateTime.fromISO(text, { zone: "UTC" }).isValid, {
    error: (issue) => `\`${String(issue.input)}\` is not a date; write \`YYYY-MM-DD\``,
  });

const rrule = z.string().superRefine((text, ctx) => {
  const problem = rruleProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem, input: text });
});

const handlebarsTemplate = z.string().superRefine((text, ctx) => {
  const syntaxError = handlebarsSyntaxError(text);
  if (syntaxError) ctx.addIssue({ code: "custom", message: `is not a valid Handlebars template: ${syntaxError}`, input: text });
});

const repoPath = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .refine((path) => !path.startsWith("/") && !path.split("/").includes(".."), {
    error: (issue) => `\`${String(issue.input)}\` must be a path inside the repository, without a leading \`/\` or \`..\``,
  });

const minutes = z
  .number({ error: "expected a number of minutes, e.g. `60`" })
  .int({ error: "expected a whole number of minutes, e.g. `60`" })
  .positive({ error: "must be a positive number of minutes" });

const slotSchema = z.strictObject({
  start: wallTime.describe("Wall time of the slot's first occurrence in the schedule's `timezone`, `YYYY-MM-DDTHH:mm`."),
  rrule: rrule.optional().describe("The slot's RFC 5545 recurrence rule without DTSTART."),
  duration: minutes.optional().describe("Length of the slot's meetings in minutes. Default: the schedule's `duration`."),
  links: z.record(nonEmptyText, webUrl).optional().describe("Links of the slot's occurrences over the meeting's `links`, e.g. its own `joining`."),
});

const scheduleSchema = z
  .strictObject({
    timezone: timezone.optional(),
    start: wallTime
      .optional()
      .describe("Wall time of the first occurrence in `timezone`, `YYYY-MM-DDTHH:mm`. Wall time is kept across DST."),
    rrule: rrule
      .optional()
      .describe("RFC 5545 recurrence rule without DTSTART, e.g. `FREQ=WEEKLY;INTERVAL=2`. Absent: a one-off meeting."),
    duration: minutes
      .optional()
      .describe("Length of the meeting in minutes. Default: 60."),
    exceptions: z.array(date).optional().describe("Local dates (`YYYY-MM-DD`) on which the meeting does not take place."),
    calendar: url("a calendar URL", ["https:", "http:", "webcal:"])
      .optional()
      .describe("iCalendar (.ics) URL to take occurrences from, instead of `start` and `rrule`."),
    calendar_filter: nonEmptyText
      .optional()
      .describe("Only calendar events whose SUMMARY contains this text count."),
    slots: z
      .array(slotSchema)
      .min(1, { error: "must list at least one slot" })
      .optional()
      .describe(
        "Instead of `start` and `rrule`: alternating slots, each `{ start, rrule, duration, links }` (e.g. two times a week apart, " +
          "each with its own joining link); each occurrence shows its slot's time and links. A date has at most one occurrence: the first slot listed wins.",
      ),
  });

const scopeSchema = z
  .strictObject({
    orgs: z
      .array(z.string().regex(ORG, { error: (issue) => `\`${String(issue.input)}\` is not a GitHub organization name` }))
      .min(1, { error: "must list at least one organization" })
      .optional()
      .describe("Organizations in which labelled issues and pull requests count."),
    repos: repoList("Repositories (`owner/name`) in which labelled issues and pull requests count.")
      .min(1, { error: "must list at least one repository" })
      .optional(),
  })
  .refine((scope) => (scope.orgs === undefined) !== (scope.repos === undefined), {
    error: "give either `orgs` or `repos`, not both and not neither",
  });

const standingItemSchema = z.strictObject({
  title: nonEmptyText.describe("Text of the item."),
  url: webUrl.optional().describe("Link of the item."),
  section: nonEmptyText.optional().describe("Heading of the `layout` section it is listed under. Default: the agenda's section."),
});

const minutesSchema = z.strictObject({
  path: repoPath
    .refine((path) => path.includes("{{date}}"), {
      error: (issue) => `\`${String(issue.input)}\` must contain \`{{date}}\`, or every meeting would overwrite the same minutes`,
    })
    .optional()
    .describe("Where minutes are committed in the home repository. Must contain `{{date}}`. Default: `meetings/{{date}}.md`."),
  open: z
    .enum(["after_meeting", "with_issue", "on_command"])
    .optional()
    .describe("When the minutes pull request is opened. Default: `after_meeting`."),
});

const issueSchema = z.strictObject({
  title: handlebarsTemplate
    .optional()
    .describe("Handlebars template of the meeting issue's title. Default: `{{name}} Meeting {{date}}`."),
  labels: z.array(nonEmptyText).optional().describe("Labels of the meeting issue. Default: `[meeting]`."),
  close_previous: z
    .boolean()
    .optional()
    .describe("Close the previous meeting's issue when the next one is opened. Default: true."),
  pin: z
    .boolean()
    .optional()
    .describe("Pin the current meeting issue in the home repository and unpin the meeting's earlier ones (GitHub pins at most three issues). Default: false."),
});

const templatesSchema = z.strictObject({
  issue: repoPath.optional().describe("Handlebars template of the meeting issue body, a path in the home repository."),
  minutes: repoPath.optional().describe("Handlebars template of the minutes, a path in the home repository."),
});

const commandsSchema = z.strictObject({
  allow: z
    .strictObject({
      teams: z
        .array(
          z.string().regex(TEAM, { error: (issue) => `\`${String(issue.input)}\` is not a team; write \`@org/team\`` }),
        )
        .optional()
        .describe("Teams (`@org/team`) whose members may use commands."),
      logins: z
        .array(z.string().regex(LOGIN, { error: (issue) => `\`${String(issue.input)}\` is not a GitHub login` }))
        .optional()
        .describe("GitHub logins that may use commands."),
    })
    .optional()
    .describe("Who may steer the meeting by comment commands. Default: members of the invited teams and people with triage or higher on the home repository."),
});

const meetingSchema = z
  .strictObject({
    name: nonEmptyText.optional().describe("Name of the meeting; the issue title is `<name> Meeting <YYYY-MM-DD>`."),
    agenda_labels: z
      .array(nonEmptyText)
      .min(1, { error: "must list at least one label" })
      .optional()
      .describe("An issue or pull request with any of these labels is on the agenda. Default: `[<meeting id>-agenda]`."),
    sources: sourcesSchema.optional().describe("Where the agenda's items come from besides (or instead of) the agenda labels."),
    scope: scopeSchema
      .optional()
      .describe("Where agenda items are searched. Default: the home repository's owner."),
    include_private: repoList(
      "Private or internal repositories (`owner/name`) whose items this meeting may show besides its home repository.",
    ).optional(),
    repo_order: repoList("Display order of repositories on the agenda; unlisted ones follow alphabetically.").optional(),
    schedule: scheduleSchema
      .optional()
      .describe("When the meeting takes place: `start` (with an optional `rrule`) or a `calendar` URL."),
    lead_time: z
      .string({ error: "expected a duration such as `3d`, `36h`, `90m`, `1d12h` or `P3D`" })
      .refine((text) => (parseLeadTime(text) ?? 0) > 0, {
        error: (issue) =>
          `\`${String(issue.input)}\` is not a positive duration; write e.g. \`3d\`, \`36h\`, \`90m\`, \`1d12h\` or \`P3D\``,
      })
      .optional()
      .describe("How long before the meeting its issue appears: `3d`, `36h`, `90m`, `1d12h` or ISO 8601 `P3D`. Default: `3d`."),
    invited: z
      .array(handle)
      .optional()
      .describe("People and teams invited, e.g. `@nodejs/security-wg`: named in the issue without a ping, an invited team with its members (name and login), kept current."),
    ping_invited: z
      .boolean()
      .optional()
      .describe("Ping the invited people and teams once per occurrence: a `cc` line in the new meeting issue (GitHub notifies on a mention in a new issue, not on later edits). Default: false."),
    observers: z.array(handle).optional().describe("People and teams who follow the meeting without being invited."),
    standing_items: z.array(standingItemSchema).optional().describe("Items on every agenda."),
    minutes: minutesSchema.optional().describe("Where and when the minutes are committed."),
    issue: issueSchema.optional().describe("The meeting issue."),
    templates: templatesSchema
      .optional()
      .describe("Handlebars templates in the home repository replacing the built-in issue and minutes templates."),
    links: z
      .record(nonEmptyText, webUrl)
      .optional()
      .describe(
        "Named links shown on the issue and the minutes, e.g. `joining`, `livestream`, `recording`, `calendar`, `notes` (a HackMD or Google Doc); `{{date}}` in a link is the occurrence's date.",
      ),
    link_labels: z
      .record(nonEmptyText, nonEmptyText)
      .optional()
      .describe(
        "How a link is labelled where the templates list it, by its `links` key, e.g. `{ calendar: Node.js Project Calendar }`. " +
          "Default: `Recording`, `Notes`, `Calendar`…",
      ),
    layout: layoutSchema
      .optional()
      .describe("The minutes' sections and how their Present entries read; reordering sections is a config change."),
    timezones: z
      .array(z.union([timezone, z.strictObject({ zone: timezone, label: nonEmptyText.max(100, { error: "must be at most 100 characters" }) })]))
      .optional()
      .describe("Time zones in which the meeting time is shown: a zone (`America/Los_Angeles`), or `{ zone, label }` to name its row as the group reads it (`US / Pacific`)."),
    calendar: z
      .strictObject({
        path: repoPath
          .refine((path) => path.endsWith(".ics"), { error: (issue) => `\`${String(issue.input)}\` must end with \`.ics\`` })
          .describe("Where the home repository's iCalendar feed is committed on its default branch when it changes, e.g. `meetings.ics`."),
      })
      .optional()
      .describe("The home repository's meetings as an iCalendar file in the repository, for groups without the app's server."),
    dry_run: z.boolean().optional().describe("Log what would be done instead of doing it. Default: false."),
    commands: commandsSchema.optional().describe("Comment commands."),
  })
  .meta({ id: "meeting", description: "A meeting. Keys missing here come from `defaults`." });

export const configFileSchema = z
  .strictObject({
    _extends: z
      .string()
      .optional()
      .describe(
        "Take `defaults` from another file: `.github`, `repo`, `owner/repo`, optionally `:path/to/file.yml`. Its `meetings` are ignored.",
      ),
    defaults: meetingSchema.optional().describe("Keys applied under every meeting of this file (a meeting's own keys win)."),
    meetings: z
      .record(
        z.string().regex(MEETING_ID, {
          error: (issue) => `meeting id \`${String(issue.input)}\` may only use lowercase letters, digits and \`-\``,
        }),
        meetingSchema,
      )
      .optional()
      .describe("The meetings whose issues and minutes live in this repository, by id (`[a-z0-9-]+`)."),
  })
  .describe("agenda-drafter configuration (`.github/agenda-drafter.yml`).");

export type RawMeeting = z.output<typeof meetingSchema>;
export type RawConfigFile = z.output<typeof configFileSchema>;

import type { MeetingView } from "./meeting-view.js";

/**
 * The fields of a view type as templates/README.md names them: `title`, `time.utc`, `links.<key>`
 * (a record's entries), `groups[].items[].title` (a field of an array's elements) and `groups[].items[]`
 * (the elements themselves, a name for a row but not a field that needs documenting on its own).
 * An object that is not an array or a record is only a prefix: `time` itself is not a field, its
 * members are.
 */
type FieldPaths<T, Prefix extends string = ""> = {
  [K in keyof T & string]-?: PathsOf<NonNullable<T[K]>, `${Prefix}${K}`>;
}[keyof T & string];

type PathsOf<V, Path extends string> = V extends readonly (infer Element)[]
  ? Path | (Element extends object ? `${Path}[]` | FieldPaths<Element, `${Path}[].`> : never)
  : V extends object
    ? string extends keyof V
      ? `${Path}.<key>`
      : FieldPaths<V, `${Path}.`>
    : Path;

/** Every name the fields table may use. */
type ViewPath = FieldPaths<MeetingView>;
/** The names that must each be documented: every field at every depth, not the `[]` element names. */
type ViewField = Exclude<ViewPath, `${string}[]`>;

export interface FieldRow {
  /** The first column: the fields the row is about, as templates name them. */
  readonly fields: readonly ViewPath[];
  /** The second column, Markdown: an example of the value, or what it is. */
  readonly example: string;
  /** Fields of the elements of `fields` that the example names (`attendees[].login`) rather than the first column. */
  readonly within?: readonly ViewField[];
}

/**
 * The table of fields in templates/README.md, row by row. The check below it fails the type check
 * when a field of MeetingView (at any depth) is in no row, and a row cannot name a field the view
 * does not have.
 */
export const TEMPLATE_FIELDS = [
  { fields: ["title"], example: "`Node.js Security team Meeting 2024-03-28`" },
  { fields: ["name", "id"], example: "`Node.js Security team`, `security-wg`" },
  { fields: ["date"], example: "`2024-03-28`, the local date of the occurrence" },
  {
    fields: ["cancelled"],
    example: "true when the occurrence will not take place: the schedule says so, or `/meeting cancel` cancelled it",
  },
  { fields: ["cancelReason"], example: "`most of us are at the collab summit`: the reason `/meeting cancel` gave, if any" },
  { fields: ["time.utc", "time.utc12Hour"], example: "`Thu 28-Mar-2024 16:00`, `04:00 PM`" },
  {
    fields: ["time.zones"],
    example:
      '`[{ zone: "America/Los_Angeles", label: "US / Pacific", time: "Thu 28-Mar-2024 09:00 (09:00 AM)" }]`, one per `timezones` entry; ' +
      "`label` is the entry's own, else the zone",
    within: ["time.zones[].zone", "time.zones[].label", "time.zones[].time"],
  },
  { fields: ["time.localTimeUrl"], example: "a timeanddate.com page showing the start in the reader's zone" },
  { fields: ["time.start", "time.end"], example: "`2024-03-28T16:00:00.000Z`, ISO 8601 UTC" },
  { fields: ["links.<key>"], example: "every entry of the meeting's `links`, `{{date}}` in it replaced by the occurrence's date; see below" },
  {
    fields: ["linkLabels.<key>"],
    example: "`Recording`, `Notes`, `Calendar`, or what the meeting's `link_labels` call a link, e.g. `Node.js Project Calendar`",
  },
  { fields: ["issueUrl"], example: "the meeting issue, once it exists (the minutes link to it)" },
  { fields: ["minutesPullRequestUrl"], example: "the minutes pull request, once it exists" },
  { fields: ["invited"], example: "the config's list, escaped: `@nodejs/security-wg` shows as written and pings nobody (`ping_invited` pings them once, in a `cc` line of the new issue)" },
  { fields: ["observers"], example: "the config's list **as written**: their mentions ping, which is the point" },
  {
    fields: ["attendees"],
    example:
      '`[{ login: "mhdawson", name: "Michael Dawson", role: "voting member", text: "Michael Dawson (@mhdawson) (voting member)" }]`; ' +
      "`text` follows `layout.present` and pings nobody; `role` only for people `layout.present.roles` names",
    within: ["attendees[].login", "attendees[].name", "attendees[].role", "attendees[].text"],
  },
  {
    fields: ["agendaLabels", "agendaLabelList"],
    example: '`["security-wg-agenda"]`, `security-wg-agenda` (several: `a, b`)',
  },
  { fields: ["scopeText"], example: "`the **nodejs org**`, or `the **nodejs/node and nodejs/TSC** repositories`" },
  {
    fields: ["projectSource.owner", "projectSource.number", "projectSource.field", "projectSource.value"],
    example: "`cncf`, `27`, `Status`, `Agenda`: the project board whose items are the agenda (`sources.project`); absent when the agenda labels are",
  },
  {
    fields: ["discussionSource.categoryList"],
    example: "`Agenda, RFCs`: present when labelled discussions are agenda items (`sources.discussions`), the categories they come from, empty for all",
  },
  { fields: ["discussionsUnread"], example: "true when the meeting takes discussions and GitHub refused to search them (the app lacks the Discussions permission)" },
  {
    fields: ["standingItems"],
    example: "`[{ title, url }]`: in `{{> sections}}` and the issue's agenda, those of the agenda's section",
    within: ["standingItems[].title", "standingItems[].url"],
  },
  {
    fields: ["groups"],
    example: '`[{ repo: "nodejs/security-wg", items: [...] }]`, in display order; in `{{> sections}}` and the issue\'s agenda, without the items a labelled section lists',
    within: ["groups[].repo", "groups[].items"],
  },
  {
    fields: ["groups[].items[]"],
    example:
      "`{ repo, number, kind, title, url, author, labels, isNew, draft, markers }`; `kind` is `issue`, `pull_request` or `discussion`; " +
      "`markers` is ` (draft)` and/or ` *(new)*` in the issue, empty in the minutes",
    within: [
      "groups[].items[].repo",
      "groups[].items[].number",
      "groups[].items[].kind",
      "groups[].items[].title",
      "groups[].items[].url",
      "groups[].items[].author",
      "groups[].items[].labels",
      "groups[].items[].isNew",
      "groups[].items[].draft",
      "groups[].items[].markers",
    ],
  },
  {
    fields: ["sections"],
    example:
      '`[{ heading: "Announcements", level: 2, hashes: "##", agenda: true, lists: true, standingItems: [...], items: [...] }]`, ' +
      "the `layout.sections` in order; `items` are the agenda items of the section's `labels`, each " +
      "`{ repo, number, kind, title, url, author, labels, isNew, draft, markers }` as in `groups`; `standingItems` are " +
      "`{ title, url }`; `followUps` is true for the section of `follow_ups: true`, which is there only when `followUps` is; " +
      "`lists` is true when the section lists something; in a section with `invited`, `teams` are " +
      "`{ team, members: [{ login, name, text }], privateMembers, unlistedMembers }`, the invited teams' members, escaped (`text` as `attendees` have it; " +
      "`privateMembers` counts those left out whose membership of the org is private; in the minutes the members are those recorded at the freeze, " +
      "`unlistedMembers` counts those left out for GitHub's limit on a body's length: the bounded record, or an issue with no room for them). `{{> sections}}` writes them all",
    within: [
      "sections[].heading",
      "sections[].level",
      "sections[].hashes",
      "sections[].agenda",
      "sections[].followUps",
      "sections[].lists",
      "sections[].standingItems",
      "sections[].standingItems[].title",
      "sections[].standingItems[].url",
      "sections[].items",
      "sections[].items[].repo",
      "sections[].items[].number",
      "sections[].items[].kind",
      "sections[].items[].title",
      "sections[].items[].url",
      "sections[].items[].author",
      "sections[].items[].labels",
      "sections[].items[].isNew",
      "sections[].items[].draft",
      "sections[].items[].markers",
      "sections[].invited",
      "sections[].teams",
      "sections[].teams[].team",
      "sections[].teams[].members",
      "sections[].teams[].members[].login",
      "sections[].teams[].members[].name",
      "sections[].teams[].members[].text",
      "sections[].teams[].privateMembers",
      "sections[].teams[].unlistedMembers",
    ],
  },
  {
    fields: ["followUps.date", "followUps.url", "followUps.items", "followUps.more"],
    example:
      '`2024-03-14`, the minutes file, `[{ text: "@RafaelGSS to open an issue", line: 23, url }]`, `0`: the unchecked ' +
      "`- [ ]` tasks and lines marked `ACTION:` of the previous meeting's minutes on the default branch, when they hold some " +
      "and the layout has a `follow_ups` section (absent otherwise); each item's `url` is its line of the minutes; `text` is escaped and pings " +
      "nobody; at most 30 items of 300 characters, `more` counts the rest",
    within: ["followUps.items[].text", "followUps.items[].line", "followUps.items[].url"],
  },
  {
    fields: ["sections[].proposals", "sections[].proposed"],
    example:
      "`proposals` is true for the section of the items proposed by `/agenda propose` and not decided yet (a layout section " +
      "with `proposals: true`, else `Proposed` after the agenda's), which is left out of `sections` while there are none; " +
      '`proposed` lists them, oldest first: `[{ repo: "nodejs/node", number: 52575, title, url, by: "@octocat", why: "needs a decision" }]`, ' +
      "`by` the proposer, escaped (it pings nobody), `why` their reason (its first 200 characters), when they gave one",
    within: [
      "sections[].proposed[].repo",
      "sections[].proposed[].number",
      "sections[].proposed[].title",
      "sections[].proposed[].url",
      "sections[].proposed[].by",
      "sections[].proposed[].why",
    ],
  },
  { fields: ["searchUrls"], example: "GitHub search pages that list the same items" },
  {
    fields: ["hiddenItems"],
    example:
      "`0`, or how many items `groups` leaves out so that the issue or the minutes fit GitHub's 65,536 characters " +
      "(the longest lists lose their oldest items first; `searchUrls` list them all). The cut comes after the issue and " +
      "minutes templates render: only `{{> agenda}}` sees it, and says so",
  },
  {
    fields: ["truncated"],
    example: "true when GitHub search matched more than the 1,000 results per query it returns, or a project board (`sources.project`) holds more than the 10,000 items read: the agenda lacks the rest",
  },
] as const satisfies readonly FieldRow[];

type Row = (typeof TEMPLATE_FIELDS)[number];
type Documented = Row["fields"][number] | Extract<Row, { within: unknown }>["within"][number];
// A field of MeetingView in no row above fails the type check here, and the message names it
// ("Type 'true' is not assignable to type '"groups[].items[].closedAt"'"): document it in a row.
const everyFieldDocumented: [Exclude<ViewField, Documented>] extends [never]
  ? true
  : Exclude<ViewField, Documented> = true;
void everyFieldDocumented;

/** The "Fields" table of templates/README.md, between its template-fields markers. */
export function templateFieldsMarkdown(): string {
  const rows = TEMPLATE_FIELDS.map((row: FieldRow) => {
    const fields = row.fields.map((field) => `\`${field}\``).join(", ");
    return `| ${fields} | ${row.example.replaceAll("|", "\\|")} |`;
  });
  return ["| field | example |", "| --- | --- |", ...rows].join("\n");
}

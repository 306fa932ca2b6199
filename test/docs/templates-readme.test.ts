import { readFileSync } from "node:fs";
import { buildMeetingView } from "../../src/render/meeting-view.js";
import { renderTitle } from "../../src/render/render-title.js";
import { TEMPLATE_FIELDS, templateFieldsMarkdown, type FieldRow } from "../../src/render/template-fields.js";
import { securityWgAgenda } from "../render/fixtures/security-wg-agenda.js";

const readme = readFileSync(new URL("../../templates/README.md", import.meta.url), "utf8");
const rows: readonly FieldRow[] = TEMPLATE_FIELDS;

function block(name: string): string {
  const start = `<!-- ${name}:start -->\n`;
  const end = `\n<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`templates/README.md lacks the ${name} markers`);
  return readme.slice(from + start.length, to);
}

/** The fields the table documents, one entry per mention; the `[]` element names are row names only. */
function documentedFields(): string[] {
  return rows.flatMap((row) => [...row.fields, ...(row.within ?? [])]).filter((field) => !field.endsWith("[]"));
}

/** The fields a real view has, named as the table names them. */
function viewFields(value: unknown, path: string, records: Set<string>): string[] {
  if (Array.isArray(value)) {
    const elements = value.filter(isPlainObject).flatMap((element) => objectFields(element, `${path}[].`, records));
    return [path, ...new Set(elements)];
  }
  if (isPlainObject(value)) return records.has(path) ? [`${path}.<key>`] : objectFields(value, `${path}.`, records);
  return [path];
}

function objectFields(object: Record<string, unknown>, prefix: string, records: Set<string>): string[] {
  return Object.entries(object).flatMap(([key, child]) => viewFields(child, `${prefix}${key}`, records));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

test("templates/README.md holds the fields table generated from TEMPLATE_FIELDS", () => {
  // To update: paste the output of templateFieldsMarkdown() (src/render/template-fields.ts) between
  // the template-fields markers of templates/README.md.
  expect(block("template-fields")).toBe(templateFieldsMarkdown());
});

test("no field is documented in two rows", () => {
  const fields = documentedFields();
  expect(fields.filter((field, index) => fields.indexOf(field) !== index)).toEqual([]);
});

test.each(rows.filter((row) => row.within).map((row) => [row.fields.join(", "), row] as const))(
  "the example of %s names each field of its elements it documents",
  (_fields, row) => {
    const unnamed = (row.within ?? []).filter((field) => {
      const name = field.slice(field.lastIndexOf(".") + 1);
      return !new RegExp(`\\b${name}\\b`).test(row.example);
    });
    expect(unnamed).toEqual([]);
  },
);

test("the table documents exactly the fields a view built for a meeting has", () => {
  const base = securityWgAgenda();
  // A layout with a labelled section, an invited teams' section and a role, so that every field has a value.
  const layout = {
    sections: [
      { heading: "Items", level: 2 as const, agenda: true, labels: [] },
      { heading: "All", level: 3 as const, agenda: false, labels: ["security-wg-agenda"] },
      { heading: "Invited members", level: 2 as const, agenda: false, labels: [], invited: true as const },
    ],
    present: { style: "name_login" as const, roles: [{ role: "voting member", logins: ["mhdawson"] }] },
  };
  // Both sources, which no config combines, so that the view has every field.
  const sources = { project: { owner: "cncf", number: 27, field: "Status", value: "Agenda" }, discussions: { categories: ["Agenda"] } };
  const invitedTeams = [{ team: "@nodejs/security-wg", members: [{ login: "RafaelGSS", name: "Rafael Gonzaga" }], privateMembers: 1 }];
  const followUps = { date: "2024-03-14", url: "https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-14.md", items: [{ text: "review", line: 3 }], more: 0 };
  const agenda = { ...base, meeting: { ...base.meeting, layout, sources }, occurrence: {
      ...base.occurrence,
      cancelled: true,
      cancelReason: "the summit",
      proposals: [{ repo: "nodejs/node" as const, number: 52600, title: "Audit the permission model", url: "https://github.com/nodejs/node/issues/52600", by: "aduh95", why: "Worth an hour" }],
    },
    followUps,
    invitedTeams,
  };
  const view = buildMeetingView({
    agenda,
    title: renderTitle(agenda.meeting, agenda.occurrence),
    issueUrl: "https://github.com/nodejs/security-wg/issues/1260",
    minutesPullRequestUrl: "https://github.com/nodejs/security-wg/pull/1302",
    attendees: [{ login: "mhdawson", name: "Michael Dawson" }, { login: "RafaelGSS", name: null }],
    markItems: true,
  });
  const documented = documentedFields();
  const records = new Set(documented.filter((field) => field.endsWith(".<key>")).map((field) => field.slice(0, -".<key>".length)));
  const actual = objectFields(view as unknown as Record<string, unknown>, "", records);
  expect([...new Set(actual)].sort()).toEqual([...documented].sort());
});

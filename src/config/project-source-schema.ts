import { z } from "zod";

// `sources.project`: a GitHub Projects (v2) view as a meeting's agenda source, instead of its
// agenda labels. Whether the project, its field and the value exist is checked against GitHub by
// the config check (the schema only knows their shape).

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export const projectSourceSchema = z
  .strictObject({
    owner: z
      .string()
      .regex(OWNER, { error: (issue) => `\`${String(issue.input)}\` is not a GitHub organization or user` })
      .describe("The organization or user that owns the project, e.g. `cncf`."),
    number: z
      .number({ error: "expected the project's number, e.g. `27` (from its URL, `/orgs/cncf/projects/27`)" })
      .int({ error: "expected a whole number" })
      .positive({ error: "must be a positive number" })
      .describe("The project's number, from its URL (`https://github.com/orgs/cncf/projects/27`)."),
    field: z
      .string()
      .trim()
      .min(1, { error: "must not be empty" })
      .describe("The name of a single-select or text field of the project, e.g. `Status`."),
    value: z
      .string()
      .trim()
      .min(1, { error: "must not be empty" })
      .describe("The field's value that puts an item on the agenda: an option of a single-select field, or a text field's exact text."),
  })
  .describe(
    "A GitHub Projects (v2) board as the agenda, instead of `agenda_labels`: its open issues and pull requests whose `field` is `value`, " +
      "within `scope` and the visibility rule. Draft issues are left out.",
  );

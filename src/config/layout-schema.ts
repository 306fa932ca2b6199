import { z } from "zod";

// The keys that say how a meeting's minutes (and the agenda of its issue) are laid out: which
// sections, in which order, under which headings, and what the app lists in each.

const LOGIN = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

const heading = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(200, { error: "must be at most 200 characters" });

const sectionSchema = z.strictObject({
  heading: heading.describe("The section's heading text."),
  level: z
    .union([z.literal(2), z.literal(3)], { error: "expected `2` (`## heading`) or `3` (`### heading`)" })
    .optional()
    .describe("Heading level: 2 (`##`, the default) or 3 (`###`)."),
  agenda: z
    .boolean()
    .optional()
    .describe("This section holds the agenda: where the items come from, then the items by repository. Exactly one section has it."),
  labels: z
    .array(heading)
    .min(1, { error: "must list at least one label" })
    .optional()
    .describe("Agenda items carrying any of these labels are listed here rather than under their repository."),
  follow_ups: z
    .literal(true, { error: "expected `true`" })
    .optional()
    .describe(
      "This section lists the action items of the previous meeting's merged minutes (unchecked `- [ ]` tasks and lines marked `ACTION:`), " +
        "each linked to its line; it is left out while there are none. At most one section has it.",
    ),
  proposals: z
    .boolean()
    .optional()
    .describe(
      "This section lists the items proposed by `/agenda propose` that no steerer has added or declined yet, and is left out while there are none. " +
        "At most one section has it; without one, a `Proposed` section follows the agenda's.",
    ),
  invited: z
    .boolean()
    .optional()
    .describe("This section lists the members of the invited teams (`invited: [\"@org/team\"]`), named without a ping. The default layout adds an `Invited members` section last when a team is invited."),
});

const roleSchema = z.strictObject({
  role: heading.describe("What the role is called, e.g. `voting member`."),
  logins: z
    .array(z.string().regex(LOGIN, { error: (issue) => `\`${String(issue.input)}\` is not a GitHub login` }))
    .min(1, { error: "must list at least one login" })
    .describe("The people who have it."),
});

export const layoutSchema = z.strictObject({
  sections: z
    .array(sectionSchema)
    .min(1, { error: "must list at least one section" })
    .optional()
    .describe(
      "The minutes' sections between Present and Upcoming Meetings, in order, each `{ heading, level, agenda, labels, follow_ups, proposals }`; " +
        "`follow_ups: true` lists the action items of the previous meeting's minutes, and is left out while there are none; " +
        "a section without `agenda`, `labels`, `follow_ups` or `proposals` is a free section for notes. The issue's agenda shows the sections that list something. " +
        "Default: `Agenda`, `Action items from last meeting` (follow-ups, when there are some), `Announcements` (the agenda), `Q&A, Other`.",
    ),
  present: z
    .strictObject({
      style: z
        .enum(["name_parenthesized_login", "name_login"])
        .optional()
        .describe("`name_parenthesized_login` writes `Name (@login)` (the default); `name_login` writes `Name @login`."),
      roles: z
        .array(roleSchema)
        .optional()
        .describe("Roles shown after a person's entry, e.g. `{ role: voting member, logins: [aduh95] }` gives `(voting member)`."),
    })
    .optional()
    .describe("How people recorded as present are listed in the minutes."),
});

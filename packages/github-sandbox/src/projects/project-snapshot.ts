import { z } from "zod";

// A snapshot's Projects (v2) boards, under their organization: fields with their options, and
// items (an issue or pull request of the organization as `repo#number`, or a draft issue) with
// their field values by field name.

const field = z.strictObject({
  name: z.string().min(1),
  type: z.enum(["single_select", "text", "number", "date"]).default("single_select"),
  /** A single-select field's options, in order. */
  options: z.array(z.string().min(1)).default([]),
});

const item = z.strictObject({
  /** `repo#number` of the organization's repository, or `owner/repo#number`. */
  content: z.string().regex(/^(?:[A-Za-z0-9-]+\/)?[A-Za-z0-9._-]+#\d+$/, "must be `repo#number` or `owner/repo#number`").optional(),
  /** A draft issue's title, instead of `content`. */
  draft: z.string().min(1).optional(),
  /** Field name → the option (single select) or text. */
  fields: z.record(z.string().min(1), z.string()).default({}),
  archived: z.boolean().default(false),
});

export const projectSnapshotSchema = z
  .strictObject({
    number: z.number().int().positive(),
    title: z.string().min(1),
    public: z.boolean().default(false),
    closed: z.boolean().default(false),
    fields: z.array(field).default([]),
    items: z.array(item).default([]),
  })
  .superRefine((project, context) => {
    project.items.forEach((entry, index) => {
      if ((entry.content === undefined) === (entry.draft === undefined)) {
        context.addIssue({ code: "custom", message: "give either content or draft", path: ["items", index] });
      }
      for (const [name, value] of Object.entries(entry.fields)) {
        const defined = project.fields.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
        if (!defined) context.addIssue({ code: "custom", message: `the project has no field ${name}`, path: ["items", index, "fields", name] });
        else if (defined.type === "single_select" && !defined.options.includes(value)) {
          context.addIssue({ code: "custom", message: `${value} is not an option of ${defined.name}`, path: ["items", index, "fields", name] });
        }
      }
    });
  });

export type SnapshotProject = z.output<typeof projectSnapshotSchema>;

import { z } from "zod";

// `sources.discussions`: labelled GitHub Discussions as agenda items besides issues and pull
// requests. Whether the categories exist and the home repo has discussions on is checked against
// GitHub by the config check (the schema only knows their shape).

export const discussionSourceSchema = z
  .union(
    [
      z.boolean(),
      z.strictObject({
        categories: z
          .array(z.string().trim().min(1, { error: "must not be empty" }))
          .min(1, { error: "must list at least one category; write `discussions: true` for all of them" })
          .describe("Only discussions of these categories (by name, any case), e.g. `[Agenda]`. Default: every category."),
      }),
    ],
    { error: "expected `true`, `false` or `{ categories: [...] }`" },
  )
  .describe(
    "Open discussions with any of the agenda labels, within `scope` and the visibility rule, are agenda items too: " +
      "`true`, or `{ categories: [...] }` for some categories only. Not with `project`, whose board is the whole agenda.",
  );

import { z } from "zod";
import { discussionSourceSchema } from "./discussion-source-schema.js";
import { projectSourceSchema } from "./project-source-schema.js";

// `sources`: a board replaces the agenda labels, and discussions are found by those labels, so a
// meeting takes one or the other.

export const sourcesSchema = z
  .strictObject({ project: projectSourceSchema.optional(), discussions: discussionSourceSchema.optional() })
  .refine((sources) => !(sources.project && sources.discussions), {
    path: ["discussions"],
    error: "a meeting whose agenda is a project board takes no discussions: add them to the board, or drop `project`",
  });

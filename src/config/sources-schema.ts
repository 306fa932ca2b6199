import { z } from "zod";
import { discussionSourceSchema } from "./discussion-source-schema.js";
import { projectSourceSchema } from "./project-source-schema.js";

// `sources`: a board replaces the agenda labels, and discussions are found by those labels, so a
// meeting takes one or the other; that is checked on the merged meeting (resolveMeetings), as
// defaults may give one and the meeting's entry the other.

export const sourcesSchema = z
  .strictObject({ project: projectSourceSchema.optional(), discussions: discussionSourceSchema.optional() });

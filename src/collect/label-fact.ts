import { z } from "zod";

/**
 * Something a webhook said about an item's agenda label, which search may not show yet: search
 * lags behind labels by minutes, sometimes hours. Kept until search agrees (or `FACT_MAX_AGE_MS`).
 */
export const labelFactSchema = z.object({
  /** `owner/name` of the item's repository. */
  repo: z.string(),
  number: z.number().int().positive(),
  /** A discussion's, which shares its repository's numbers with issues and is read apart from them. */
  discussion: z.literal(true).optional(),
  /** The agenda label concerned. */
  label: z.string(),
  /**
   * true: the item bears the label and is open (labelled, opened, reopened, transferred in).
   * false: it lost the label or left the agenda (unlabelled, closed, deleted, transferred away).
   */
  present: z.boolean(),
  /** When the webhook's change happened (ISO 8601); a later fact about the same label wins. */
  at: z.string(),
});
export type LabelFact = z.infer<typeof labelFactSchema>;

/** Past this age a fact is dropped even if search still disagrees: no lag lasts a day. */
export const FACT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

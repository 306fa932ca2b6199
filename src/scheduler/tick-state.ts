import { z } from "zod";

// The fields the tick reads from a meeting issue's state (src/publish/meeting-state.ts). The state
// schema keeps fields it does not name, so these travel in it as they are; the app writes them
// when it freezes the agenda and when it opens the minutes.

export const frozenAgendaSchema = z.object({
  /** When the agenda froze (ISO 8601): the meeting's start, or the first tick after it. */
  at: z.string(),
});

export const minutesRecordSchema = z.object({
  number: z.number().int().positive(),
  url: z.string(),
  state: z.enum(["open", "closed"]),
  /** The file on the branch was written from the frozen agenda. */
  frozenAgenda: z.boolean(),
});

export const tickStateSchema = z.object({
  frozen: frozenAgendaSchema.optional(),
  minutes: minutesRecordSchema.optional(),
});
export type TickState = z.infer<typeof tickStateSchema>;

/** The tick's fields of a decoded state; a damaged field reads as absent. */
export function readTickState(state: unknown): TickState {
  const fields = (typeof state === "object" && state !== null ? state : {}) as Record<string, unknown>;
  const frozen = frozenAgendaSchema.safeParse(fields.frozen);
  const minutes = minutesRecordSchema.safeParse(fields.minutes);
  return { ...(frozen.success && { frozen: frozen.data }), ...(minutes.success && { minutes: minutes.data }) };
}

import type { Meeting } from "../model.js";

/**
 * The one line of a new meeting issue that pings the invited people and teams, when the meeting
 * asks for it (`ping_invited`): GitHub notifies on a mention in a new issue, not on later edits,
 * so the app writes it only when it creates the issue. The config's schema admits only `@login`
 * and `@org/team` there, so the line holds mentions and nothing else.
 */
export function pingLine(meeting: Meeting): string | undefined {
  if (!meeting.pingInvited || meeting.invited.length === 0) return undefined;
  return `cc ${meeting.invited.join(" ")}`;
}

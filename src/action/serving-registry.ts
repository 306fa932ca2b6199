import type { Meeting } from "../model.js";
import type { MeetingRegistry } from "../registry/meeting-registry.js";

/** Which of the home repo's meetings the run serves, and how: the `meeting` and `dry-run` inputs. */
export interface Serving {
  meeting?: string;
  dryRun: boolean;
}

/**
 * The registry of a run that serves what its inputs say: whoever records a repository's meetings
 * (the run's start, a push that reloads the config), only the `meeting` input's is kept, in dry
 * run when `dry-run` says so. The handlers and the tick read meetings from the registry only.
 */
export function servingRegistry(inner: MeetingRegistry, serving: Serving): MeetingRegistry {
  const served = (meetings: Meeting[]) =>
    meetings.filter((meeting) => serving.meeting === undefined || meeting.id === serving.meeting).map((meeting) => (serving.dryRun ? { ...meeting, dryRun: true } : meeting));
  return { ...inner, setRepoMeetings: (installationId, repo, meetings) => inner.setRepoMeetings(installationId, repo, served(meetings)) };
}

import type { Meeting } from "../model.js";

/**
 * Which meetings each installation's repositories declare, so that an event on an item is matched
 * to the meetings it concerns without reading config files. Asynchronous so that a shared store
 * (Redis, for several replicas) can stand behind it.
 */
export interface MeetingRegistry {
  /** Whether the installation's repositories have been read since start-up. */
  knows(installationId: number): Promise<boolean>;
  /** Records that the installation's repositories have been read, before their meetings are set. */
  markKnown(installationId: number): Promise<void>;
  /** Replaces what a repository declares; [] when it declares nothing. */
  setRepoMeetings(installationId: number, repo: string, meetings: Meeting[]): Promise<void>;
  forgetRepo(installationId: number, repo: string): Promise<void>;
  forgetInstallation(installationId: number): Promise<void>;
  meetings(installationId: number): Promise<Meeting[]>;
}

/** The registry of one process. */
export function createMemoryRegistry(): MeetingRegistry {
  const installations = new Map<number, Map<string, Meeting[]>>();
  const reposOf = (installationId: number) => {
    const repos = installations.get(installationId) ?? new Map<string, Meeting[]>();
    installations.set(installationId, repos);
    return repos;
  };
  return {
    knows: async (installationId) => installations.has(installationId),
    markKnown: async (installationId) => void reposOf(installationId),
    setRepoMeetings: async (installationId, repo, meetings) => {
      const repos = reposOf(installationId);
      if (meetings.length === 0) repos.delete(repo.toLowerCase());
      else repos.set(repo.toLowerCase(), meetings);
    },
    forgetRepo: async (installationId, repo) => void installations.get(installationId)?.delete(repo.toLowerCase()),
    forgetInstallation: async (installationId) => void installations.delete(installationId),
    meetings: async (installationId) => [...(installations.get(installationId)?.values() ?? [])].flat(),
  };
}

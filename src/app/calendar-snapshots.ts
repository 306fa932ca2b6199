import type { Probot } from "probot";
import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import type { MeetingPageEntry } from "../render/calendar/meeting-calendar.js";
import { readMeetingCalendar } from "../operations/read-meeting-calendar.js";
import { activeInstallations } from "./active-installations.js";
import { describeError } from "../log.js";
import type { Runtime } from "./runtime.js";

/** How long a home repo's meetings, as read from GitHub, serve the feed and the page before they are read again. */
export const CALENDAR_CACHE_MS = 5 * 60 * 1000;

export interface HomeRepoCalendar {
  owner: string;
  repo: string;
  private: boolean;
  entries: MeetingPageEntry[];
}

interface Cached {
  at: number;
  read: Promise<HomeRepoCalendar>;
}

/**
 * The home repos' meetings as the feeds and pages show them, read from GitHub at most once per
 * `CALENDAR_CACHE_MS` for each home repo (a page and a feed reader may ask every second), in the
 * process's memory. A home repo that cannot be read is left out and logged, never the others.
 */
export class CalendarSnapshots {
  readonly #probot: Probot;
  readonly #runtime: Runtime;
  readonly #cache = new Map<string, Cached>();
  #installations: { at: number; read: ReturnType<typeof activeInstallations> } | undefined;

  constructor(probot: Probot, runtime: Runtime) {
    this.#probot = probot;
    this.#runtime = runtime;
  }

  /** The home repos (of one owner, or one repo) with their meetings; `withAgenda` for the page. */
  async homeRepos(filter: { owner?: string; repo?: string }, withAgenda: boolean): Promise<HomeRepoCalendar[]> {
    const homes: HomeRepoCalendar[] = [];
    for (const installation of await this.#activeInstallations()) {
      const octokit = await this.#runtime.auth(installation.id);
      await this.#runtime.ensureDiscovered(octokit, installation.id);
      const byHome = groupByHome(await this.#runtime.registry.meetings(installation.id), filter);
      for (const [key, meetings] of byHome) {
        const read = this.#read(octokit, key, meetings, withAgenda);
        const home = await read.catch((error: unknown) => {
          this.#runtime.log.warn(`calendar of ${meetings[0]!.home.owner}/${meetings[0]!.home.repo}: ${describeError(error)}`);
          this.#cache.delete(`${key}|${withAgenda}`);
          return undefined;
        });
        if (home) homes.push(home);
      }
    }
    return homes.sort((a, b) => `${a.owner}/${a.repo}`.localeCompare(`${b.owner}/${b.repo}`));
  }

  /** The app's installations, listed at most once per `CALENDAR_CACHE_MS`: every page view would list them. */
  #activeInstallations(): ReturnType<typeof activeInstallations> {
    const now = this.#runtime.now().getTime();
    if (this.#installations && now - this.#installations.at < CALENDAR_CACHE_MS && now >= this.#installations.at) return this.#installations.read;
    const read = activeInstallations(this.#probot);
    read.catch(() => (this.#installations = undefined));
    this.#installations = { at: now, read };
    return read;
  }

  #read(octokit: GitHub, key: string, meetings: Meeting[], withAgenda: boolean): Promise<HomeRepoCalendar> {
    const cacheKey = `${key}|${withAgenda}`;
    const now = this.#runtime.now();
    const cached = this.#cache.get(cacheKey);
    if (cached && now.getTime() - cached.at < CALENDAR_CACHE_MS && now.getTime() >= cached.at) return cached.read;
    const read = readHomeRepo(octokit, meetings, { now, withAgenda, recordedClaims: this.#runtime.recordedClaims });
    this.#cache.set(cacheKey, { at: now.getTime(), read });
    return read;
  }
}

async function readHomeRepo(octokit: GitHub, meetings: Meeting[], options: Parameters<typeof readMeetingCalendar>[2]): Promise<HomeRepoCalendar> {
  const home = meetings[0]!.home;
  const { data: repository } = await octokit.rest.repos.get({ owner: home.owner, repo: home.repo });
  const entries: MeetingPageEntry[] = [];
  for (const meeting of meetings) entries.push(await readMeetingCalendar(octokit, meeting, options));
  // The repository's own spelling: the registry keeps what the config file's path said.
  return { owner: repository.owner.login, repo: repository.name, private: repository.private || repository.visibility === "internal", entries };
}

function groupByHome(meetings: Meeting[], filter: { owner?: string; repo?: string }): Map<string, Meeting[]> {
  const byHome = new Map<string, Meeting[]>();
  for (const meeting of meetings) {
    if (filter.owner !== undefined && meeting.home.owner.toLowerCase() !== filter.owner.toLowerCase()) continue;
    if (filter.repo !== undefined && meeting.home.repo.toLowerCase() !== filter.repo.toLowerCase()) continue;
    const key = `${meeting.home.owner}/${meeting.home.repo}`.toLowerCase();
    byHome.set(key, [...(byHome.get(key) ?? []), meeting]);
  }
  return byHome;
}

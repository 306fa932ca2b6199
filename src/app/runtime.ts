import type { Probot } from "probot";
import type { GitHub, RepoRef } from "../github.js";
import type { Meeting } from "../model.js";
import type { LabelFact } from "../collect/label-fact.js";
import { restoreOverwrittenEdit, type BodyEdit } from "../publish/restore-overwritten-edit.js";
import { BodyTooLongError } from "../publish/write-agenda.js";
import { reportOversizeBody } from "../publish/report-oversize-body.js";
import { Coalescer } from "./coalescer.js";
import { describeError } from "./describe-error.js";
import { discoverMeetings } from "../registry/discover-meetings.js";
import { findMeeting } from "../registry/find-meeting.js";
import type { MeetingRegistry } from "../registry/meeting-registry.js";
import type { Log } from "../log.js";
import { refreshMeeting } from "../operations/refresh-meeting.js";

export interface RuntimeOptions {
  registry: MeetingRegistry;
  /** The quiet time after an event before its meeting is refreshed, so that a burst writes once. */
  debounceMs: number;
  now: () => Date;
  /** How long to wait for another replica that claimed an occurrence to create its issue. */
  claimWaitMs?: number;
}

type MeetingWork =
  | { kind: "refresh"; installationId: number; home: RepoRef; meetingId: string; facts: LabelFact[] }
  | { kind: "restore"; installationId: number; home: RepoRef; meetingId: string; edit: BodyEdit };

/** What the webhook handlers share: the registry and the coalesced, per-meeting work queue. */
export class Runtime {
  readonly registry: MeetingRegistry;
  readonly now: () => Date;
  readonly log: Log;
  readonly #probot: Probot;
  readonly #claimWaitMs: number | undefined;
  readonly #queue: Coalescer<MeetingWork>;
  readonly #discoveries = new Map<number, Promise<void>>();

  constructor(probot: Probot, options: RuntimeOptions) {
    this.#probot = probot;
    this.registry = options.registry;
    this.now = options.now;
    this.log = { info: (m) => probot.log.info(m), warn: (m) => probot.log.warn(m), error: (m) => probot.log.error(m) };
    this.#claimWaitMs = options.claimWaitMs;
    this.#queue = new Coalescer<MeetingWork>({
      windowMs: options.debounceMs,
      run: (_key, work) => this.#run(work),
      onError: (key, error) => this.log.error(`${key}: ${describeError(error)}`),
    });
  }

  refresh(installationId: number, meeting: Meeting, facts: LabelFact[] = []): void {
    this.#queue.request(workKey(installationId, meeting.home, meeting.id), {
      kind: "refresh",
      installationId,
      home: meeting.home,
      meetingId: meeting.id,
      facts,
    });
  }

  restore(installationId: number, home: RepoRef, meetingId: string, edit: BodyEdit): void {
    this.#queue.request(workKey(installationId, home, meetingId), { kind: "restore", installationId, home, meetingId, edit });
  }

  /**
   * Reads the installation's config files when the registry does not know it: the first time it
   * is seen, and again whenever a shared registry lost it (Redis restarted empty, keys expired).
   */
  ensureDiscovered(octokit: GitHub, installationId: number): Promise<void> {
    const running = this.#discoveries.get(installationId);
    if (running) return running;
    const discovery = (async () => {
      if (await this.registry.knows(installationId)) return;
      const meetings = await discoverMeetings(octokit, installationId, this.registry, this.log);
      for (const meeting of meetings) this.refresh(installationId, meeting);
    })().finally(() => this.#discoveries.delete(installationId));
    this.#discoveries.set(installationId, discovery);
    return discovery;
  }

  forgetInstallation(installationId: number): Promise<void> {
    this.#discoveries.delete(installationId);
    return this.registry.forgetInstallation(installationId);
  }

  /** Resolves once every queued refresh and restore has run. */
  async idle(): Promise<void> {
    await Promise.allSettled(this.#discoveries.values());
    await this.#queue.idle();
  }

  async #run(work: MeetingWork[]): Promise<void> {
    const first = work[0];
    if (!first) return;
    const octokit = (await this.#probot.auth(first.installationId)) as GitHub;
    const meeting = findMeeting(await this.registry.meetings(first.installationId), first.home, first.meetingId);
    const dryRun = meeting?.dryRun ?? false;
    for (const item of work) {
      if (item.kind !== "restore") continue;
      const outcome = await restoreOverwrittenEdit(octokit, item.home, item.edit, { dryRun, log: this.log });
      if (outcome === "written") this.log.info(`restored a person's edit of ${item.home.owner}/${item.home.repo}#${item.edit.issueNumber}`);
    }
    if (!meeting || !work.some((item) => item.kind === "refresh")) return;
    const facts = work.flatMap((item) => (item.kind === "refresh" ? item.facts : []));
    try {
      const outcome = await refreshMeeting(
        { octokit, log: this.log, now: this.now(), ...(this.#claimWaitMs !== undefined && { claimWaitMs: this.#claimWaitMs }) },
        meeting,
        facts,
      );
      this.log.info(`${meeting.home.owner}/${meeting.home.repo} ${meeting.id}: ${JSON.stringify(outcome)}`);
    } catch (error) {
      if (!(error instanceof BodyTooLongError)) throw error;
      this.log.error(error.message);
      await reportOversizeBody(octokit, meeting.home, error.message);
    }
  }
}

function workKey(installationId: number, home: RepoRef, meetingId: string): string {
  return `${installationId}/${home.owner}/${home.repo}/${meetingId}`.toLowerCase();
}

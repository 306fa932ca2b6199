import type { Probot } from "probot";
import type { GitHub, RepoRef } from "../github.js";
import type { Meeting } from "../model.js";
import { restoreOverwrittenEdit, type BodyEdit } from "../publish/restore-overwritten-edit.js";
import { BodyTooLongError } from "../publish/write-agenda.js";
import { reportOversizeBody } from "../publish/report-oversize-body.js";
import { Coalescer } from "./coalescer.js";
import { describeError, errorDetails } from "../log.js";
import { occurrenceOf } from "../errors.js";
import { mayTryAgainLater, retryDelayMs } from "./retry-delay.js";
import { discoverMeetings } from "../registry/discover-meetings.js";
import { findMeeting } from "../registry/find-meeting.js";
import type { MeetingRegistry } from "../registry/meeting-registry.js";
import type { Log } from "../log.js";
import { refreshMeeting, type WebhookFacts } from "../operations/refresh-meeting.js";
import { bindStateSigner, type StateSigner } from "../publish/state-signer.js";
import { RecordedClaims } from "../publish/claim-occurrence.js";
import { logWithFields, withOwnLogFields } from "./log-fields.js";
import type { AppMetrics } from "./metrics.js";

export interface RuntimeOptions {
  registry: MeetingRegistry;
  /** The quiet time after an event before its meeting is refreshed, so that a burst writes once. */
  debounceMs: number;
  now: () => Date;
  /** How long to wait for another replica that claimed an occurrence to create its issue. */
  claimWaitMs?: number;
  /** Signs the state the app writes into meeting issues and verifies the state it reads. */
  stateSigner: StateSigner;
  /** Where refresh durations and failures are counted. */
  metrics?: AppMetrics;
  /** How long a second of the wait before failed work runs again lasts: 1000 ms; tests shorten it. */
  retryWaitUnitMs?: number;
}

/** Failed work runs again at most this many times; then the tick's reconciliation repairs the issue. */
const MAX_RETRIES = 3;

type MeetingWork =
  | { kind: "refresh"; installationId: number; home: RepoRef; meetingId: string; facts: WebhookFacts; retry: number }
  | { kind: "restore"; installationId: number; home: RepoRef; meetingId: string; edit: BodyEdit; retry: number };

/** What the webhook handlers share: the registry and the coalesced, per-meeting work queue. */
export class Runtime {
  readonly registry: MeetingRegistry;
  readonly now: () => Date;
  readonly log: Log;
  readonly stateSigner: StateSigner;
  /** The claims that record an occurrence's issue, read once by this process. */
  readonly recordedClaims = new RecordedClaims();
  /** Comment claim commits this process knows are done, and when they were (see sweepCommentClaims). */
  readonly settledCommentClaims = new Map<string, number>();

  /**
   * Whether the issue is the meeting issue its marker names: the one the occurrence's claim
   * records. Anyone may copy a marker into an issue of their own.
   */
  async isMeetingIssue(octokit: GitHub, home: RepoRef, marker: { meeting: string; occurrence: string }, issueNumber: number): Promise<boolean> {
    const claim = await this.recordedClaims.read(octokit, { home, meetingId: marker.meeting, occurrenceKey: marker.occurrence });
    return claim.kind === "issue" && claim.issueNumber === issueNumber;
  }
  readonly #probot: Probot;
  readonly #claimWaitMs: number | undefined;
  readonly #queue: Coalescer<MeetingWork>;
  readonly #metrics: AppMetrics | undefined;
  readonly #discoveries = new Map<number, Promise<void>>();
  readonly #retryWaitUnitMs: number;
  /** Failed work waiting to run again. */
  readonly #retries = new Set<Promise<void>>();

  constructor(probot: Probot, options: RuntimeOptions) {
    this.#probot = probot;
    this.registry = options.registry;
    this.now = options.now;
    this.stateSigner = options.stateSigner;
    this.log = logWithFields(() => probot.log);
    this.#metrics = options.metrics;
    this.#claimWaitMs = options.claimWaitMs;
    this.#retryWaitUnitMs = options.retryWaitUnitMs ?? 1000;
    this.#queue = new Coalescer<MeetingWork>({
      windowMs: options.debounceMs,
      // Queued work is its own: its lines carry its meeting, not the delivery that happened to queue it first.
      run: (_key, work) => withOwnLogFields(workFields(work[0]), () => this.#run(work)),
      onError: (key, error) => {
        this.#metrics?.errors.inc({ where: "refresh" });
        this.#logFailure(key, error);
      },
    });
  }

  /** Counts a pin that failed after its issue's create (`errors_total{where="pin"}`). */
  readonly countPinFailure = (): void => void this.#metrics?.errors.inc({ where: "pin" });

  /** The client, able to read and write the meeting issues' signed state. */
  client(octokit: GitHub): GitHub {
    return bindStateSigner(octokit, this.stateSigner);
  }

  /** The installation's client, able to read and write the meeting issues' signed state. */
  async auth(installationId: number): Promise<GitHub> {
    return this.client((await this.#probot.auth(installationId)) as GitHub);
  }

  /** Queues a refresh of the meeting with what a webhook said that search may not show yet. */
  refresh(installationId: number, meeting: Meeting, facts: Partial<WebhookFacts> = {}, retry = 0): void {
    this.#queue.request(workKey(installationId, meeting.home, meeting.id), {
      kind: "refresh",
      installationId,
      home: meeting.home,
      meetingId: meeting.id,
      facts: { labels: facts.labels ?? [], repos: facts.repos ?? [] },
      retry,
    });
  }

  restore(installationId: number, home: RepoRef, meetingId: string, edit: BodyEdit, retry = 0): void {
    this.#queue.request(workKey(installationId, home, meetingId), { kind: "restore", installationId, home, meetingId, edit, retry });
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

  /** Resolves once idle, with every failed refresh and restore run again too (see #retryLater). */
  async settled(): Promise<void> {
    do {
      await Promise.all(this.#retries);
      await this.idle();
    } while (this.#retries.size > 0);
  }

  async #run(work: MeetingWork[]): Promise<void> {
    const first = work[0];
    if (!first) return;
    const octokit = await this.auth(first.installationId);
    const meeting = findMeeting(await this.registry.meetings(first.installationId), first.home, first.meetingId);
    for (const item of work) {
      if (item.kind === "restore") await this.#restore(octokit, item, meeting?.dryRun ?? false);
    }
    const refreshes = work.filter((item) => item.kind === "refresh");
    if (!meeting || refreshes.length === 0) return;
    const facts = { labels: refreshes.flatMap((each) => each.facts.labels), repos: refreshes.flatMap((each) => each.facts.repos) };
    const retry = Math.max(...refreshes.map((each) => each.retry));
    try {
      const refresh = () =>
        refreshMeeting(
          { octokit, log: this.log, now: this.now(), recordedClaims: this.recordedClaims, countPinFailure: this.countPinFailure, ...(this.#claimWaitMs !== undefined && { claimWaitMs: this.#claimWaitMs }) },
          meeting,
          facts,
        );
      const outcome = this.#metrics ? await this.#metrics.timeRefresh(refresh) : await refresh();
      this.log.info(`${meeting.home.owner}/${meeting.home.repo} ${meeting.id}: ${JSON.stringify(outcome)}`);
    } catch (error) {
      if (!(error instanceof BodyTooLongError)) {
        if (!mayTryAgainLater(error)) throw error;
        const what = `${meeting.home.owner}/${meeting.home.repo} ${meeting.id}: the refresh`;
        return this.#retryLater(what, retry, error, () => this.refresh(first.installationId, meeting, facts, retry + 1));
      }
      this.log.error(error.message);
      await reportOversizeBody(octokit, meeting.home, error.message);
    }
  }

  /** One line for the operator (what failed, for which installation, meeting and occurrence); the details at debug. */
  #logFailure(key: string, error: unknown): void {
    const [installationId, owner, repo, meetingId] = key.split("/");
    this.log.error(`${failedWork(Number(installationId), { owner: owner ?? "", repo: repo ?? "" }, meetingId ?? "", error)} failed: ${describeError(error)}`);
    this.log.debug?.(`${key}: ${errorDetails(error)}`);
  }

  /** Puts a person's overwritten edit back; when GitHub fails, later (see #retryLater). */
  async #restore(octokit: GitHub, item: Extract<MeetingWork, { kind: "restore" }>, dryRun: boolean): Promise<void> {
    const issue = `${item.home.owner}/${item.home.repo}#${item.edit.issueNumber}`;
    try {
      const outcome = await restoreOverwrittenEdit(octokit, item.home, item.edit, { dryRun, log: this.log });
      if (outcome === "written") this.log.info(`restored a person's edit of ${issue}`);
    } catch (error) {
      if (!mayTryAgainLater(error)) return this.log.error(`${issue}: restoring a person's edit failed: ${describeError(error)}`);
      this.#retryLater(`${issue}: restoring a person's edit`, item.retry, error, () =>
        this.restore(item.installationId, item.home, item.meetingId, item.edit, item.retry + 1),
      );
    }
  }

  /**
   * Failed work runs again when GitHub says it may (`retry-after`, else a minute), at most
   * MAX_RETRIES times; then it is left to the tick, which reconciles every live meeting issue.
   */
  #retryLater(what: string, retry: number, error: unknown, again: () => void): void {
    if (retry >= MAX_RETRIES) {
      this.log.warn(`${what} failed ${retry + 1} times (${describeError(error)}); the next tick repairs the issue`);
      return;
    }
    const seconds = Math.ceil(retryDelayMs(error) / 1000);
    this.log.warn(`${what} failed (${describeError(error)}); trying again in ${seconds} s`);
    this.log.debug?.(`${what}: ${errorDetails(error)}`);
    const waiting = new Promise<void>((resolve) => {
      setTimeout(() => {
        again();
        resolve();
      }, seconds * this.#retryWaitUnitMs).unref();
    });
    this.#retries.add(waiting);
    void waiting.then(() => this.#retries.delete(waiting));
  }
}

/** `installation 4001: the refresh of nodejs/security-wg security-wg 2024-03-28`. */
function failedWork(installationId: number, home: RepoRef, meetingId: string, error: unknown): string {
  const occurrence = occurrenceOf(error);
  return `installation ${installationId}: the refresh of ${home.owner}/${home.repo} ${meetingId}${occurrence === undefined ? "" : ` ${occurrence}`}`;
}

function workFields(work: MeetingWork | undefined) {
  return work ? { installation: work.installationId, repo: `${work.home.owner}/${work.home.repo}`, meeting: work.meetingId } : {};
}

function workKey(installationId: number, home: RepoRef, meetingId: string): string {
  return `${installationId}/${home.owner}/${home.repo}/${meetingId}`.toLowerCase();
}

import { MAX_BODY_LENGTH, type GitHub, type RepoRef } from "../github.js";
import { hashText, hashWithoutState, parseBody, spliceBody } from "./issue-body.js";
import type { LabelFact } from "../collect/label-fact.js";
import type { RepoFact } from "../collect/repo-facts.js";
import { fewestHidden, type AgendaCutter } from "../render/cut-agenda.js";
import { emptyState, type MeetingMarker, type MeetingState } from "./meeting-state.js";
import { stateSeal, type StateSeal } from "./state-signer.js";

/** What the app owns in one meeting issue, as a refresh computed it. */
export interface AgendaContent {
  marker: MeetingMarker;
  agendaMarkdown: string;
  /** `owner/name#number` of the agenda's items. */
  agendaItems: string[];
  facts: LabelFact[];
  /** Repositories made private that search may still show as public; absent keeps the state's. */
  repoFacts?: RepoFact[];
  /** The agenda with items left out, for the body to fit GitHub's limit; absent, the agenda is never cut. */
  cut?: AgendaCutter;
}

export type WriteOutcome = "written" | "unchanged" | "dry-run";

export interface WriteOptions {
  dryRun: boolean;
  log: { info: (message: string) => void };
}

/** A meeting issue body would exceed GitHub's limit even with no label facts and no agenda item. */
export class BodyTooLongError extends Error {
  override name = "BodyTooLongError";
}

/**
 * Room a live body leaves below GitHub's limit for the record the freeze adds at the meeting's
 * start (when, the search links, and as many of the agenda's items as then fit), so that the
 * freeze always fits however long the agenda.
 */
const FREEZE_ROOM = 8_192;
const LIVE_BODY_LIMIT = MAX_BODY_LENGTH - FREEZE_ROOM;

export interface FittedBody {
  body: string;
  /** What the body holds: the agenda as cut, the facts that were kept. */
  content: AgendaContent;
}

/**
 * The body with the app's parts spliced into `base` (composeBody), within GitHub's limit: the
 * label facts go first, oldest first, then the invited teams' members, then agenda items (the
 * longest lists lose their last members, their oldest items first; the agenda says how many are not shown and links the search that lists them).
 * Throws BodyTooLongError when even an agenda without items is too long: people's text is.
 */
export function fitBody(
  base: string,
  previous: MeetingState | undefined,
  content: AgendaContent,
  baseHash: string | undefined,
  seal: StateSeal | undefined,
): FittedBody {
  const compose = (next: AgendaContent): FittedBody => ({ body: composeBody(base, previous, next, next.facts, baseHash, seal), content: next });
  const facts = [...content.facts].sort((a, b) => a.at.localeCompare(b.at));
  let fitted = compose({ ...content, facts });
  while (fitted.body.length > LIVE_BODY_LIMIT && facts.length > 0) {
    facts.shift();
    fitted = compose({ ...content, facts: [...facts] });
  }
  if (fitted.body.length <= LIVE_BODY_LIMIT) return fitted;

  const cutter = content.cut;
  const withHidden = (hidden: number, hiddenMembers = cutter?.memberCount) => compose({ ...content, ...cutter?.cut(hidden, hiddenMembers), facts: [] as LabelFact[] });
  const fits = (fitted: FittedBody) => fitted.body.length <= LIVE_BODY_LIMIT;
  // The invited teams' members make room before any agenda item does.
  const hiddenMembers = cutter && fewestHidden(cutter.memberCount, (count) => fits(withHidden(0, count)));
  if (hiddenMembers !== undefined) return withHidden(0, hiddenMembers);
  const hidden = cutter && fewestHidden(cutter.itemCount, (count) => fits(withHidden(count)));
  if (hidden === undefined) throw tooLong(content, (cutter ? withHidden(cutter.itemCount) : fitted).body.length);
  return withHidden(hidden);
}

function tooLong(content: AgendaContent, length: number): BodyTooLongError {
  return new BodyTooLongError(
    `The body of meeting issue ${content.marker.meeting} ${content.marker.occurrence} would be ${length} characters ` +
      `with no agenda item at all, more than GitHub's ${MAX_BODY_LENGTH}; shorten the issue text.`,
  );
}

/**
 * Writes the agenda into a meeting issue, changing nothing people wrote: the body is read
 * immediately before the write (GitHub has no conditional update) and only the app's parts are
 * spliced into it. Writes nothing when the result would be the same.
 */
export async function writeAgenda(
  octokit: GitHub,
  home: RepoRef,
  issueNumber: number,
  content: AgendaContent,
  options: WriteOptions,
): Promise<WriteOutcome> {
  const { data: issue } = await octokit.rest.issues.get({ ...home, issue_number: issueNumber });
  const current = issue.body ?? "";
  const next = nextBody(current, content, stateSeal(octokit, home, issueNumber));
  if (next === undefined) return "unchanged";
  if (options.dryRun) {
    options.log.info(`dry run: would update ${home.owner}/${home.repo}#${issueNumber} to:\n${next}`);
    return "dry-run";
  }
  await octokit.rest.issues.update({ ...home, issue_number: issueNumber, body: next });
  return "written";
}

/**
 * The body with the app's parts replaced, within GitHub's limit (fitBody), or undefined when that
 * changes nothing that matters (only the hashes of the state would differ).
 */
function nextBody(current: string, content: AgendaContent, seal: StateSeal): string | undefined {
  const parsed = parseBody(current, seal);
  const { body, content: written } = fitBody(current, parsed.state, content, hashText(current), seal);
  const unchanged =
    parsed.state !== undefined &&
    hashWithoutState(current) === hashWithoutState(body) &&
    sameJson(parsed.state.facts, written.facts) &&
    (content.repoFacts === undefined || sameJson(parsed.state.repoFacts ?? [], content.repoFacts)) &&
    sameJson(parsed.state.agendaItems, written.agendaItems);
  return unchanged ? undefined : body;
}

/**
 * Splices the app's parts into `base`, with a state that records what the write was based on,
 * signed with `seal` (none for an issue not created yet: its first update adds the state).
 */
export function composeBody(
  base: string,
  previous: MeetingState | undefined,
  content: AgendaContent,
  facts: LabelFact[],
  baseHash: string | undefined,
  seal: StateSeal | undefined,
): string {
  const state: MeetingState = {
    ...(previous ?? emptyState(content.marker)),
    v: 1,
    meeting: content.marker.meeting,
    occurrence: content.marker.occurrence,
    agendaHash: hashText(content.agendaMarkdown),
    agendaItems: content.agendaItems,
    facts,
  };
  if (content.repoFacts?.length) state.repoFacts = content.repoFacts;
  else if (content.repoFacts) delete state.repoFacts;
  if (baseHash === undefined) delete state.baseHash;
  else state.baseHash = baseHash;
  const parts = { marker: content.marker, agenda: content.agendaMarkdown, state };
  state.writtenHash = hashWithoutState(spliceBody(base, parts, seal));
  return spliceBody(base, parts, seal);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

import { createHash } from "node:crypto";
import { AGENDA_MARKERS } from "../render/agenda-markers.js";
import { decodeState, encodeState, type MeetingMarker, type MeetingState } from "./meeting-state.js";
import type { StateSeal } from "./state-signer.js";

// The layout of a meeting issue body is described in meeting-state.ts.

const AGENDA_START = AGENDA_MARKERS.start;
const AGENDA_END = AGENDA_MARKERS.end;
const MARKER = /<!-- agenda-drafter:meeting (.*?) -->\n?/g;
const STATE = /<!-- agenda-drafter:state (.*?) -->\n?/g;

export interface ParsedBody {
  /** Absent when missing or damaged. */
  marker?: MeetingMarker;
  /**
   * Absent when missing, damaged, or not verified: read without a seal, signed for another issue
   * or with another key, edited, or naming another occurrence than the marker.
   */
  state?: MeetingState;
  /** A state block is there, but `state` is absent: it does not verify (or was read without a seal). */
  unverifiedState?: true;
  /** The agenda block's content, when both of its markers are there in order. */
  agenda?: string;
  /**
   * The body with the app's parts taken out (marker, state, agenda content): what people wrote
   * plus the template text. Two bodies with equal `human` differ only in what the app owns.
   */
  human: string;
}

/** The body's parts; its state only when `seal` verifies it. */
export function parseBody(body: string | null | undefined, seal?: StateSeal): ParsedBody {
  const text = normalize(body ?? "");
  let marker: MeetingMarker | undefined;
  for (const match of text.matchAll(MARKER)) marker ??= parseMarker(match[1] ?? "");
  const blocks = [...text.matchAll(STATE)].map((match) => match[1] ?? "");
  let state: MeetingState | undefined;
  for (const block of blocks) state ??= seal && openState(block, seal, marker);
  const stripped = text.replace(MARKER, "").replace(STATE, "");
  const block = findAgendaBlock(stripped);
  const human = block ? stripped.slice(0, block.contentStart) + stripped.slice(block.contentEnd) : stripped;
  return {
    ...(marker && { marker }),
    ...(state && { state }),
    ...(!state && blocks.length > 0 && { unverifiedState: true as const }),
    ...(block && { agenda: stripped.slice(block.contentStart, block.contentEnd).replace(/^\n|\n$/g, "") }),
    human: human.trimEnd(),
  };
}

/**
 * Puts the app's parts into a body and leaves every other character as it was: the marker at the
 * top (replacing a damaged one), the agenda between its markers (appended at the end when the
 * markers are gone), the state block, signed, at the end. Without a seal (an issue not created
 * yet, whose number is unknown) the body gets no state block.
 */
export function spliceBody(
  body: string | null | undefined,
  parts: { marker: MeetingMarker; agenda: string; state: MeetingState },
  seal: StateSeal | undefined,
): string {
  const stripped = normalize(body ?? "").replace(MARKER, "").replace(STATE, "");
  const block = findAgendaBlock(stripped);
  const withAgenda = block
    ? `${stripped.slice(0, block.contentStart)}\n${parts.agenda.trimEnd()}\n${stripped.slice(block.contentEnd)}`
    : `${stripped.trimEnd()}${stripped.trim() === "" ? "" : "\n\n"}${agendaBlock(parts.agenda)}\n`;
  const withMarker = `${formatMarker(parts.marker)}\n${withAgenda.trimEnd()}\n`;
  return seal ? `${withMarker}\n${formatState(parts.state, seal)}\n` : withMarker;
}

/**
 * A rendered issue body with the agenda between its markers: the default templates put it there;
 * a template of a meeting's own without the agenda gets it at the end.
 */
export function wrapAgenda(issueBody: string, agendaMarkdown: string): string {
  if (findAgendaBlock(issueBody)) return issueBody;
  const agenda = agendaMarkdown.trimEnd();
  const at = agenda === "" ? -1 : issueBody.indexOf(agenda);
  if (at === -1) return `${issueBody.trimEnd()}\n\n${agendaBlock(agenda)}\n`;
  return `${issueBody.slice(0, at)}${agendaBlock(agenda)}${issueBody.slice(at + agenda.length)}`;
}

function agendaBlock(agenda: string): string {
  return `${AGENDA_START}\n${agenda.trimEnd()}\n${AGENDA_END}`;
}

export function formatMarker(marker: MeetingMarker): string {
  return `<!-- agenda-drafter:meeting ${JSON.stringify(marker)} -->`;
}

function formatState(state: MeetingState, seal: StateSeal): string {
  const encoded = encodeState(state);
  const signature = seal.signer.sign(encoded, { issue: seal.issue, meeting: state.meeting, occurrence: state.occurrence });
  return `<!-- agenda-drafter:state ${encoded}.${signature} -->`;
}

/** The state of a block `<encoded>.<signature>`, when it verifies for the seal's issue and names the marker's occurrence. */
function openState(block: string, seal: StateSeal, marker: MeetingMarker | undefined): MeetingState | undefined {
  const [encoded = "", signature = "", ...rest] = block.split(".");
  if (rest.length > 0) return undefined;
  const state = decodeState(encoded);
  if (!state || (marker && (marker.meeting !== state.meeting || marker.occurrence !== state.occurrence))) return undefined;
  return seal.signer.verifies(encoded, signature, { issue: seal.issue, meeting: state.meeting, occurrence: state.occurrence }) ? state : undefined;
}

/** The body without its state block, hashed: what `writtenHash` records. */
export function hashWithoutState(body: string | null | undefined): string {
  return hashText(normalize(body ?? "").replace(STATE, "").trimEnd());
}

export function hashText(text: string): string {
  return createHash("sha256").update(normalize(text)).digest("base64url").slice(0, 22);
}

/** GitHub's web editor sends CRLF; the API keeps what it is given. */
function normalize(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

function findAgendaBlock(text: string): { contentStart: number; contentEnd: number } | undefined {
  const start = text.indexOf(AGENDA_START);
  if (start === -1) return undefined;
  const contentStart = start + AGENDA_START.length;
  const contentEnd = text.indexOf(AGENDA_END, contentStart);
  return contentEnd === -1 ? undefined : { contentStart, contentEnd };
}

function parseMarker(json: string): MeetingMarker | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null) return undefined;
    const { v, meeting, occurrence } = value as Record<string, unknown>;
    if (v !== 1 || typeof meeting !== "string" || typeof occurrence !== "string") return undefined;
    return { v, meeting, occurrence };
  } catch {
    return undefined;
  }
}

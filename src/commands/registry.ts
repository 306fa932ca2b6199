import { closestKey } from "../config/closest-key.js";
import { agendaAdd } from "./agenda-add.js";
import { agendaDecline } from "./agenda-decline.js";
import { agendaPropose } from "./agenda-propose.js";
import { agendaRefresh } from "./agenda-refresh.js";
import { agendaRemove } from "./agenda-remove.js";
import type { CommandDeclaration } from "./command-declaration.js";
import { helpCommand } from "./help.js";
import { meetingCancel } from "./meeting-cancel.js";
import { meetingReschedule } from "./meeting-reschedule.js";
import { openMinutes } from "./open-minutes.js";
import type { CommandLine } from "./parse-commands.js";
import { present } from "./present.js";
import { shown } from "./shown.js";

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandDeclaration[] = [
  agendaAdd,
  agendaRemove,
  agendaRefresh,
  agendaPropose,
  agendaDecline,
  meetingCancel,
  meetingReschedule,
  openMinutes,
  present,
  helpCommand(() => COMMANDS),
];

/** A command line matched to its declaration, with the words and text after its name. */
export type ResolvedCommand =
  | { command: CommandDeclaration; words: string[]; rest: string }
  | { problem: string; suggestions: CommandDeclaration[] };

/** Finds the declaration a command line names; a misspelled subcommand gets the nearest ones. */
export function resolveCommand(line: CommandLine): ResolvedCommand {
  const ofVerb = COMMANDS.filter((command) => command.verb === line.verb);
  const direct = ofVerb.find((command) => command.subcommand === undefined);
  if (direct) return { command: direct, words: line.words, rest: line.rest };

  const [word, ...words] = line.words;
  const subcommands = ofVerb.map((command) => command.subcommand as string);
  if (word === undefined) return { problem: `/${line.verb} needs one of: ${subcommands.join(", ")}.`, suggestions: ofVerb };
  const command = ofVerb.find((candidate) => candidate.subcommand === word.toLowerCase());
  if (command) return { command, words, rest: line.rest.slice(word.length).trim() };
  const closest = closestKey(word, subcommands) ?? subcommands.find((subcommand) => subcommand.startsWith(word.toLowerCase()));
  return {
    problem: `${shown(word)} is not a /${line.verb} command.`,
    suggestions: closest === undefined ? ofVerb : ofVerb.filter((candidate) => candidate.subcommand === closest),
  };
}

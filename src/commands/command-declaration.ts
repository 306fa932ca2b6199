import type { CommandContext } from "./command-context.js";
import type { Verb } from "./parse-commands.js";

/** Who may run a command: people who may steer the meeting, or anyone who may comment. */
export type Access = "steer" | "comment";

/** What a command's arguments are, or what is wrong with them (shown with the usage). */
export type ParsedArguments<Args> = { args: Args } | { problem: string };

/**
 * What running a command has to tell: nothing, a reply, or why nothing changed. A `failure` told
 * in the reply (one item of several that GitHub failed on) still reaches the app, to be logged.
 */
export type CommandResult = { reply?: string; failure?: unknown } | { refused: string };

/** A command as `/help`, the docs and the handler know it. */
export interface CommandDeclaration<Args = unknown> {
  verb: Verb;
  /** The word after the verb that selects this command, for verbs that have several. */
  subcommand?: string;
  /** As written in help, e.g. `/agenda add <ref>...`. */
  usage: string;
  description: string;
  /** Who may use it, in words, for help and docs. */
  who: string;
  examples: string[];
  /** Validates the words after the verb and subcommand; pure, no GitHub calls. */
  parse(words: string[], rest: string, context: CommandContext): ParsedArguments<Args>;
  access(args: Args, context: CommandContext): Access;
  /**
   * How many issues or pull requests the command looks up and changes, for commands that name
   * them: all the commands of a comment together name at most MAX_ITEMS_PER_COMMENT.
   */
  itemCount?(args: Args): number;
  run(args: Args, context: CommandContext): Promise<CommandResult>;
}

export const STEERERS = "people who may steer the meeting";

/** Declares a command with its argument type checked, stored alongside the others. */
export function declareCommand<Args>(declaration: CommandDeclaration<Args>): CommandDeclaration {
  return declaration as CommandDeclaration;
}

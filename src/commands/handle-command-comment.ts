import type { Meeting, Occurrence } from "../model.js";
import { UserError } from "../errors.js";
import { scheduleOf, type LoadedSchedule } from "../schedule/load-schedule.js";
import type { CommandContext } from "./command-context.js";
import type { CommandDeclaration, CommandResult } from "./command-declaration.js";
import { describeSteerers } from "./describe-steerers.js";
import { formatReply, type ReplySection } from "./format-reply.js";
import type { CommandGitHub } from "../operations/command-github.js";
import type { MeetingActions } from "../operations/meeting-actions.js";
import { parseCommands, type CommandLine } from "./parse-commands.js";
import { MAX_ITEMS_PER_COMMENT } from "./ref-arguments.js";
import { resolveCommand } from "./registry.js";

/** More would let one comment start a long run of GitHub calls. */
const MAX_COMMANDS_PER_COMMENT = 10;

export interface CommandComment {
  meeting: Meeting;
  /** The occurrence whose meeting issue was commented on. */
  occurrence: Occurrence;
  issue: { owner: string; repo: string; number: number };
  comment: { id: number; body: string; user: { login: string; type: string } };
  actions: MeetingActions;
  github: CommandGitHub;
  /**
   * Resolves true for exactly one caller per comment id, across redeliveries and replicas, and
   * only on the occurrence's own meeting issue; the app supplies it. Only comments that hold
   * commands are claimed.
   */
  claim: (commentId: number) => Promise<boolean>;
  /** The meeting's schedule, loaded: commands that move an occurrence check dates against it. */
  schedule?: LoadedSchedule;
  /** The host of GitHub's web pages, where item URLs in commands point. */
  webHost: string;
  now?: Date;
}

export interface HandledComment {
  /** Whether the comment held commands and this call claimed it. */
  ran: boolean;
  /** The reply posted, if any. */
  reply?: string;
}

interface Accepted {
  line: CommandLine;
  command: CommandDeclaration;
  args: unknown;
  /** The issues and pull requests it names, counted against the comment's limit. */
  items: number;
}

/**
 * Runs the commands of a new comment on a meeting issue of this app, once. The app calls it for
 * `issue_comment.created` only, and only on its own meeting issues: an edited comment runs
 * nothing. Comments by bots (this app included) are ignored. Each command is checked (its
 * arguments, the items the comment's commands name in all, then who may use it); accepted ones
 * get one reaction on the comment at once, then run in order, and everything there is to tell
 * goes into one reply, as much as one GitHub comment holds.
 */
export async function handleCommandComment(input: CommandComment): Promise<HandledComment> {
  const { comment, github, issue } = input;
  if (comment.user.type === "Bot" || comment.user.login.endsWith("[bot]")) return { ran: false };
  const lines = parseCommands(comment.body);
  if (lines.length === 0 || !(await input.claim(comment.id))) return { ran: false };

  const context: CommandContext = {
    meeting: input.meeting,
    occurrence: input.occurrence,
    issue,
    commenter: comment.user.login,
    actions: input.actions,
    github,
    schedule: input.schedule ?? scheduleOf(input.meeting.schedule),
    webHost: input.webHost,
    now: input.now ?? new Date(),
  };
  let steers: Promise<boolean> | undefined;
  const maySteerOnce = () => (steers ??= github.maySteer(comment.user.login));

  const { sections, accepted } = await checkAll(lines, context, maySteerOnce);
  if (accepted.length > 0) {
    await github.acknowledge(comment.id);
  }
  let failure: unknown;
  for (const { line, command, args } of accepted) {
    const result = await command.run(args, context).catch((error: unknown): CommandResult => {
      if (error instanceof UserError) return { refused: error.message };
      failure ??= error;
      return { reply: "This failed on an unexpected error, which the app has logged; it may be partly done." };
    });
    if ("failure" in result) failure ??= result.failure;
    const text = "refused" in result ? nothingChanged(result.refused) : result.reply;
    if (text) sections.push({ line, text });
  }

  const reply = sections.length === 0 ? undefined : formatReply(sections);
  if (reply !== undefined) await github.reply(reply);
  if (failure !== undefined) throw failure;
  return reply === undefined ? { ran: true } : { ran: true, reply };
}

/** Checks the comment's first commands in order; those past a limit get only a section that says so. */
async function checkAll(
  lines: CommandLine[],
  context: CommandContext,
  maySteer: () => Promise<boolean>,
): Promise<{ sections: ReplySection[]; accepted: Accepted[] }> {
  const sections: ReplySection[] = [];
  const accepted: Accepted[] = [];
  let itemsNamed = 0;
  for (const line of lines.slice(0, MAX_COMMANDS_PER_COMMENT)) {
    const checked = await check(line, context, maySteer, itemsNamed);
    if ("text" in checked) sections.push({ line, text: checked.text });
    else {
      accepted.push({ line, ...checked });
      itemsNamed += checked.items;
    }
  }
  if (lines.length > MAX_COMMANDS_PER_COMMENT) {
    const skipped = lines.slice(MAX_COMMANDS_PER_COMMENT);
    sections.push({
      line: skipped[0] as CommandLine,
      text: `A comment runs at most ${MAX_COMMANDS_PER_COMMENT} commands; this one and the ${skipped.length - 1} after it did not run.`,
    });
  }
  return { sections, accepted };
}

/** One command's arguments, the items it adds to those the comment's earlier commands name, then who may use it. */
async function check(
  line: CommandLine,
  context: CommandContext,
  maySteer: () => Promise<boolean>,
  itemsNamed: number,
): Promise<Omit<Accepted, "line"> | { text: string }> {
  const resolved = resolveCommand(line);
  if ("problem" in resolved) return { text: usageHelp(resolved.problem, resolved.suggestions, "Did you mean") };
  const { command } = resolved;
  const parsed = command.parse(resolved.words, resolved.rest, context);
  if ("problem" in parsed) return { text: usageHelp(parsed.problem, [command], "Usage:") };
  const items = command.itemCount?.(parsed.args) ?? 0;
  if (itemsNamed + items > MAX_ITEMS_PER_COMMENT) {
    return {
      text: nothingChanged(
        `a comment's commands name at most ${MAX_ITEMS_PER_COMMENT} items in all, and this one would make ${itemsNamed + items}.`,
      ),
    };
  }
  if (command.access(parsed.args, context) === "steer" && !(await maySteer())) {
    return { text: `Nothing changed: only people who may steer this meeting can do this; they are ${describeSteerers(context.meeting)}.` };
  }
  return { command, args: parsed.args, items };
}

/** What was wrong, then the usage of the command meant, or of the nearest ones. */
function usageHelp(problem: string, suggestions: CommandDeclaration[], lead: "Usage:" | "Did you mean"): string {
  const usages = suggestions.map((command) => `\`${command.usage}\``).join(" or ");
  return `${problem} ${lead} ${usages}${lead === "Usage:" ? "" : "?"} (\`/help\` lists every command.)`;
}

/** A refusal: one reason inline, a list of them below. */
function nothingChanged(reasons: string): string {
  return reasons.includes("\n") ? `Nothing changed:\n${reasons}` : `Nothing changed: ${reasons}`;
}

import { CommentScanner } from "./comment-scanner.js";
import type { CommandLine, StepMeter } from "./command-line.js";

export type { CommandLine, StepMeter, Verb } from "./command-line.js";

/**
 * The command lines of a comment: lines that start (after at most three spaces) with `/` and one
 * of the verbs, in any case, followed by a space or the end of the line. Lines that GitHub shows
 * as code (fenced blocks, open or closed, however nested; indented lines), inside block quotes
 * (lazy continuation lines included) or inside HTML comments are not commands; other slash-lines
 * (`/cc`, `/usr/bin`) are prose.
 *
 * A single pass over the text; every character is read a bounded number of times, and no regular
 * expression runs over more than one short token, so the work is linear in the comment's length.
 * The Markdown rules are CommonMark's, simplified where a difference cannot make hidden text run:
 * an HTML comment opened mid-line hides the rest of its paragraph even if it is never closed.
 */
export function parseCommands(body: string, meter: StepMeter = { steps: 0 }): CommandLine[] {
  return new CommentScanner(body, meter).commands();
}

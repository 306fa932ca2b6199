import type { CommandLine } from "./command-line.js";
import { quotedLine } from "./shown.js";

/** GitHub refuses longer comments. */
const MAX_COMMENT_LENGTH = 65_536;
/** Kept free for the note that says the reply stops early. */
const NOTE_ROOM = 200;

/** What the reply tells about one command line. */
export interface ReplySection {
  line: CommandLine;
  text: string;
}

/**
 * One section per command, in the comment's order, under the command as written: quoted, so that
 * it runs nothing, and cut short if long. When the next section would take the reply past what
 * GitHub accepts, the reply stops there and says so.
 */
export function formatReply(sections: ReplySection[]): string {
  const ordered = [...sections].sort((a, b) => a.line.line - b.line.line);
  const parts: string[] = [];
  let length = 0;
  for (const [index, { line, text }] of ordered.entries()) {
    const part = `${quotedLine(line.text)}\n\n${text}`;
    length += part.length + (parts.length > 0 ? 2 : 0);
    if (length > MAX_COMMENT_LENGTH - NOTE_ROOM) {
      const left = ordered.length - index;
      parts.push(
        `The reply stops here: GitHub takes comments of at most ${MAX_COMMENT_LENGTH.toLocaleString("en-US")} characters, and the answers to ${left} more ${left === 1 ? "command does" : "commands do"} not fit.`,
      );
      break;
    }
    parts.push(part);
  }
  return parts.join("\n\n");
}

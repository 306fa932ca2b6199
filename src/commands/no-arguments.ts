import type { ParsedArguments } from "./command-declaration.js";
import { shown } from "./shown.js";

/** For commands that take nothing after their name. */
export function noArguments(words: string[]): ParsedArguments<undefined> {
  return words.length === 0 ? { args: undefined } : { problem: `It takes no arguments, but got ${shown(words.join(" "))}.` };
}

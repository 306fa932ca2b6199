/** The words a command line starts with, after its slash. */
export const VERBS = ["agenda", "meeting", "minutes", "present", "help"] as const;
export type Verb = (typeof VERBS)[number];

/** One command line of a comment. */
export interface CommandLine {
  verb: Verb;
  /** The whitespace-separated words after the verb, as shown. */
  words: string[];
  /** Everything after the verb, trimmed: free text such as a cancellation reason. */
  rest: string;
  /** The line as the rendered comment shows it, from its slash: without markup, HTML or images. */
  text: string;
  /** 1-based line number in the comment. */
  line: number;
}

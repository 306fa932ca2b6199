import Handlebars from "handlebars";

/** What is wrong with a Handlebars template's syntax, on one line, or undefined when it parses. */
export function handlebarsSyntaxError(template: string): string | undefined {
  try {
    Handlebars.parse(template);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Handlebars draws an ASCII pointer under the offending text; keep the words around it.
    return message
      .split("\n")
      .filter((line) => line.trim() !== "" && !/^-*\^$/.test(line))
      .join(" ");
  }
}

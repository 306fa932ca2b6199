import { readFileSync } from "node:fs";
import { escapeMarkdown } from "../../src/render/escape-markdown.js";

// The README's table of escaping rules is checked row by row, so the documentation cannot drift.
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

function tableRows(): { input: string; output: string }[] {
  const start = readme.indexOf("<!-- escaping-table:start -->");
  const end = readme.indexOf("<!-- escaping-table:end -->");
  if (start < 0 || end < start) throw new Error("README.md has no escaping-table markers");
  return readme
    .slice(start, end)
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      const [input, output] = splitCells(line);
      return { input: fromNotation(codeSpanText(input!)), output: fromNotation(codeSpanText(output!)) };
    });
}

/** Cells of a GFM table row; `\|` is a pipe inside a cell. */
function splitCells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

/** The text of a cell that is one code span, as CommonMark reads it. */
function codeSpanText(cell: string): string {
  const span = /^(`+)(.*)\1$/s.exec(cell);
  if (!span) throw new Error(`README escaping table: cell is not a code span: ${cell}`);
  const text = span[2]!;
  return text.startsWith(" ") && text.endsWith(" ") && text.trim() !== "" ? text.slice(1, -1) : text;
}

// The table shows invisible characters by name: ‹ZWSP›, ↵ and ‹U+XXXX›.
function fromNotation(text: string): string {
  return text
    .replace(/‹ZWSP›/g, "\u200B")
    .replace(/↵/g, "\n")
    .replace(/‹U\+([0-9A-F]{4})›/g, (_name, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const rows = tableRows();

test("the README tabulates the escaping rules", () => {
  expect(rows.length).toBeGreaterThanOrEqual(15);
});

test.each(rows)("README: $input", ({ input, output }) => {
  expect(escapeMarkdown(input)).toBe(output);
});

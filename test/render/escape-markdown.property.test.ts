import fc from "fast-check";
import { describeWithCmarkGfm } from "./github-rendering.js";
import { prepareTitles, titleProblems } from "./title-places.js";

// Titles from a grammar of Markdown, GFM, GitHub's references and Unicode controls, joined in
// any order and without spaces, so that the pieces meet in every combination: in each place a
// title reaches, GitHub must show its characters and nothing else.
const pieces = {
  text: ["Node.js", "a", " ", "  ", "x_y", "snake_case", "2024", "é", "漢字", "🎉", "v22", "C:\\new", "\\", "!", '"', "'", "(", ")", ":", "/", ".", "-", "=", "?", "{{> agenda}}", "{{name}}"],
  emphasis: ["*", "**", "***", "_", "__", "*a*", "_a_", "**a**", "__a__", "a*b*c", "a_b_c"],
  links: ["[", "]", "[a](https://evil.example)", '[a](https://evil.example "t")', "[a][1]", "[1]: https://evil.example", "[a]", "![a](https://evil.example/x.png)", "](", "[^1]", "[^1]: note"],
  autolinks: ["<https://evil.example>", "<a@b.co>", "<mailto:a@b.co>", "https://example.com/a_b", "http://x.y", "ftp://x.y", "www.example.com", "WWW.x.org", "a@b.co", "user.name+tag@example.org", "mailto:a@b.co"],
  blocks: ["# ", "## ", "###### ", "#", "> ", ">", "- ", "+ ", "* ", "1. ", "2) ", "2024. ", "```", "~~~", "    ", "\t", "---", "***", "___", "===", "[ ] ", "[x] ", "- [ ] "],
  tables: ["|", "a | b", "|---|", "| --- | --- |", ":-:"],
  html: ["<b>", "</b>", "<img src=x onerror=alert(1)>", "<!-- x -->", "<!--", "-->", "--!>", "<?php ?>", "<![CDATA[x]]>", "<!DOCTYPE html>", "<script>", '<a href="x">', "<", ">", "<!-- agenda-drafter:agenda:end -->"],
  entities: ["&amp;", "&#64;", "&#x40;", "&commat;", "&lt;", "&", "&#", ";"],
  strikethrough: ["~", "~~", "~a~", "~~a~~"],
  mentions: ["@", "@mhdawson", "@nodejs/tsc", "@everyone", "a@b", "@a-b"],
  references: ["#", "#1", "#1234", "nodejs/node#1", "o/r#1", "GH-1", "gh-12", "https://github.com/nodejs/node/issues/1", "https://github.com/nodejs/node/pull/2", "fixes #1", "Closes o/r#2", "resolves GH-3"],
  emoji: [":tada:", ":+1:", ":"],
  controls: ["\u202E", "\u202A", "\u2066", "\u2069", "\u200E", "\u200F", "\u061C", "\n", "\r\n", "\u2028", "\u0000", "\u0007", "\u007F", "\u0085", "\u200B", "\u00A0"],
};

const codeSpan = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.constantFrom(...Object.values(pieces).flat()), { maxLength: 3 }))
  .map(([length, content]) => `${"`".repeat(length)}${content.join("")}${"`".repeat(length)}`);
const backticks = fc.integer({ min: 1, max: 5 }).map((length) => "`".repeat(length));
const piece = fc.oneof(
  ...Object.values(pieces).map((values) => fc.constantFrom(...values)),
  codeSpan,
  backticks,
  fc.string({ maxLength: 3 }),
);
const title = fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(""));

const runs = { seed: 20_241_201, numRuns: 300 };
// Shrinking a failure renders each candidate alone; past this, the smallest found so far is reported.
const shrinking = { interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true };

describeWithCmarkGfm("escaping, as GitHub renders it", () => {
  test("a title shows its own characters and nothing else, wherever it reaches", async () => {
    // The same seed draws the same titles: rendering them all in one run of cmark-gfm first keeps
    // the test fast; titles tried while shrinking a failure are rendered as they come.
    await prepareTitles(fc.sample(title, runs));
    await fc.assert(
      fc.asyncProperty(title, async (generated) => {
        expect(await titleProblems(generated)).toEqual([]);
      }),
      { ...runs, ...shrinking },
    );
  }, 60_000);
});

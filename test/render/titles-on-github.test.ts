import { describeWithCmarkGfm } from "./github-rendering.js";
import { titleProblems } from "./title-places.js";

// Titles a hostile review found live on GitHub, each checked in every place a title reaches, as
// GitHub renders it. The property test (escape-markdown.property.test.ts) generates the rest.
describeWithCmarkGfm("titles as GitHub renders them", () => {
  test.each([
    ["raw HTML in a code span of three backticks", "```<img src=x onerror=alert(1)>```"],
    ["a link in a code span of four backticks", "````[x](https://evil.example)````"],
    ["a team mention in a code span of five backticks", "`````@nodejs/tsc`````"],
    ["a code span of three backticks after text", "see ```<b>x</b>```"],
  ])("a code span of three or more backticks stays one code span: %s", async (_case, title) => {
    expect(await titleProblems(title)).toEqual([]);
  });

  test.each([
    ["a bare URL", "fuzzing Nodejs: https://github.com/google/oss-fuzz"],
    ["a www. link", "see www.example.com for details"],
    ["an autolink", "<https://evil.example>"],
    ["an image", "![x](https://evil.example/x.png)"],
    ["an e-mail address", "write to security@example.com"],
    ["a mailto link", "<mailto:security@example.com>"],
  ])("no address is a link: %s", async (_case, title) => {
    expect(await titleProblems(title)).toEqual([]);
  });

  test.each([
    ["an issue number", "follow-up to #1234"],
    ["a cross-repository reference", "port nodejs/node#52575"],
    ["a GH- reference", "see GH-42"],
    ["an issue URL", "https://github.com/nodejs/node/issues/1"],
    ["a closing keyword", "Fixes #1, closes nodejs/node#2 and resolves https://github.com/nodejs/node/issues/3"],
  ])("no reference: %s", async (_case, title) => {
    expect(await titleProblems(title)).toEqual([]);
  });

  test.each([
    ["emphasis", "*not* _emphasised_ **at all**"],
    ["strikethrough", "~~struck~~ ~out~"],
    ["an emoji shortcode", "release :tada:"],
    ["a mention and a team mention", "cc @mhdawson and @nodejs/tsc"],
    ["a character reference", "&#64;everyone &commat;everyone"],
    ["a task item", "[ ] done?"],
    ["a footnote", "see [^1]"],
  ])("every character shows as written: %s", async (_case, title) => {
    expect(await titleProblems(title)).toEqual([]);
  });

  test("bidirectional controls are removed", async () => {
    expect(await titleProblems("admin\u202Enigeb\u202C \u2066x\u2069 \u200Ey\u200F \u061Cz")).toEqual([]);
  });
});

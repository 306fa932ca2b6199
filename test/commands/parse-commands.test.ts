import { hostileComments } from "../../bench/hostile-comments.mjs";
import { parseCommands } from "../../src/commands/parse-commands.js";

function commandTexts(body: string): string[] {
  return parseCommands(body).map((command) => command.text);
}

describe("parseCommands", () => {
  test("a comment with commands between prose", () => {
    const body = [
      "Thanks for the summary! Two things for Thursday:",
      "",
      "/agenda add nodejs/node#52575 #1255",
      "/present",
      "",
      "See you then.",
    ].join("\r\n");
    expect(parseCommands(body)).toMatchInlineSnapshot(`
      [
        {
          "line": 3,
          "rest": "add nodejs/node#52575 #1255",
          "text": "/agenda add nodejs/node#52575 #1255",
          "verb": "agenda",
          "words": [
            "add",
            "nodejs/node#52575",
            "#1255",
          ],
        },
        {
          "line": 4,
          "rest": "",
          "text": "/present",
          "verb": "present",
          "words": [],
        },
      ]
    `);
  });

  test("verbs are case-insensitive; words keep their case", () => {
    const [command] = parseCommands("/MEETING Cancel Most of us are at NodeConf");
    expect(command).toMatchObject({ verb: "meeting", words: ["Cancel", "Most", "of", "us", "are", "at", "NodeConf"] });
  });

  test("other slash-lines are prose", () => {
    expect(
      commandTexts(
        ["/cc @nodejs/security-wg", "/usr/bin/node crashes", "/agendas", "/agenda/add #1", "/agendaadd", "/ agenda add", "/", "/help"].join("\n"),
      ),
    ).toEqual(["/help"]);
  });

  test("up to three spaces before a command; a line indented four columns or by a tab is none", () => {
    expect(commandTexts("   /help\n    /minutes\n\t/present\n \t/agenda refresh")).toEqual(["   /help".trim()]);
  });

  test("commands only start lines", () => {
    expect(commandTexts("please run /agenda refresh\n- /minutes\n# /help\n**/present**")).toEqual([]);
  });

  test("fenced code, with backticks or tildes, holds no commands", () => {
    const body = ["```", "/agenda add #1", "```", "~~~sh", "/minutes", "~~~", "/present"].join("\n");
    expect(commandTexts(body)).toEqual(["/present"]);
  });

  test("a shorter fence inside a longer one does not close it", () => {
    const body = ["````md", "```", "/agenda add #1", "```", "/meeting cancel", "````", "/help"].join("\n");
    expect(commandTexts(body)).toEqual(["/help"]);
  });

  test("a fence of the other character does not close it, nor does a closer with text after it", () => {
    const body = ["~~~", "```", "/agenda add #1", "``` not a closer", "/minutes", "~~~", "/help"].join("\n");
    expect(commandTexts(body)).toEqual(["/help"]);
  });

  test("an unclosed fence runs to the end of the comment", () => {
    expect(commandTexts("/present\n```js\n/agenda add #1\n/minutes")).toEqual(["/present"]);
  });

  test("three backticks with a backtick after them are inline code, not a fence", () => {
    expect(commandTexts("```a`b```\n/help")).toEqual(["/help"]);
  });

  test("block quotes, nested or lazily continued, hold no commands", () => {
    const body = [
      "> /agenda remove #1255",
      ">> /meeting cancel",
      "/minutes",
      "",
      "/present",
      ">/help",
    ].join("\n");
    // `/minutes` continues the quoted paragraph above it, as GitHub shows it.
    expect(commandTexts(body)).toEqual(["/present"]);
  });

  test("a quote that ends in a heading or a fence is not continued lazily", () => {
    expect(commandTexts("> # Agenda\n/present\n\n> ```\n> /minutes\n/help")).toEqual(["/present", "/help"]);
  });

  test("a fence ends a quoted paragraph", () => {
    expect(commandTexts("> quoted\n```\n/minutes\n```\n/help")).toEqual(["/help"]);
  });

  test("HTML comments hide commands, on one line or many", () => {
    const body = [
      "<!-- /agenda add #1 -->",
      "<!--",
      "/minutes",
      "",
      "/meeting cancel",
      "-->",
      "/present",
      "<!-->/help",
    ].join("\n");
    expect(commandTexts(body)).toEqual(["/present"]);
  });

  test("a comment after a command ends its arguments", () => {
    expect(parseCommands("/agenda add #12 <!-- and #13 -->")[0]).toMatchObject({ words: ["add", "#12"], text: "/agenda add #12" });
  });

  test("an HTML comment that is never closed is text, as GitHub shows it", () => {
    expect(commandTexts("see <!-- hidden\n/minutes\n\n/help")).toEqual(["/minutes", "/help"]);
  });

  test("comment openers inside code spans or escaped open nothing", () => {
    expect(commandTexts("Use `<!--` to hide text, and \\<!-- too\n/help\n`` a ` <!-- ``\n/present")).toEqual(["/help", "/present"]);
  });

  test("an img's alt hides commands, ending on the command's line or spanning lines", () => {
    const body = [
      'Before <img src="a.png" alt="a screenshot',
      '/agenda add #1"> after',
      '<img src="b.png" alt="',
      "/meeting cancel",
      "/minutes",
      '">',
      "/present",
      '<img alt="x">/agenda add #2',
    ].join("\n");
    expect(commandTexts(body)).toEqual(["/present"]);
  });

  test("title attributes, of HTML tags or of links, hide commands", () => {
    const body = ['<abbr title="Working Group', '/meeting cancel">WG</abbr> notes, [the doc](https://e.com "see', '/agenda add #1")', "/help"];
    expect(commandTexts(body.join("\n"))).toEqual(["/help"]);
  });

  test("link reference definitions, and their titles on one line or many, hold no commands", () => {
    const body = ['[x]: https://e.com "/agenda add #1"', '[y]: https://e.com "see', "/agenda add #2", '/minutes"', "", "/help"];
    expect(commandTexts(body.join("\n"))).toEqual(["/help"]);
  });

  test("HTML blocks hold no commands, though GitHub shows their text", () => {
    const body = ["<details><summary>/minutes</summary>", "/meeting cancel", "</details>", "", "<div>", "/agenda add #1", "</div>", "", "/help"];
    expect(commandTexts(body.join("\n"))).toEqual(["/help"]);
  });

  test("an image's alt text holds no commands", () => {
    expect(commandTexts("![screenshot\n/agenda add #1](a.png)\n/present")).toEqual(["/present"]);
  });

  test("a code span across lines holds no commands", () => {
    expect(commandTexts("`a\n/agenda add #1 `\n/help")).toEqual(["/help"]);
  });

  test("lines that continue a list item or underline a heading are not commands", () => {
    expect(commandTexts("- item\n/minutes\n\n/present\n---\n\n/help\n===\n\n/help")).toEqual(["/help"]);
  });

  test("what GitHub hides on a command line is not part of its words", () => {
    const [command] = parseCommands('/agenda add #1 <img alt="#2"> ![#3](x.png) #4 <!-- #5 -->');
    expect(command).toMatchObject({ words: ["add", "#1", "#4"], rest: "add #1   #4" });
  });

  test("brackets nested deeper than the parser follows take no commands from their paragraph", () => {
    const deep = `${"[".repeat(24)}x${"]".repeat(24)}`;
    // GitHub makes a link of it, whose title hides the command line.
    expect(commandTexts(`${deep}(https://e.com "\n/agenda add #1\n")\n\n/help`)).toEqual(["/help"]);
  });

  test("several commands of the same verb", () => {
    expect(commandTexts("/present\n/present @mhdawson\n/PRESENT @RafaelGSS")).toHaveLength(3);
  });

  test("an empty comment and one without commands", () => {
    expect(parseCommands("")).toEqual([]);
    expect(parseCommands("LGTM")).toEqual([]);
  });
});

describe("hostile input", () => {
  test("a 65,536-character comment of one line", () => {
    const body = `/agenda add ${"#1 ".repeat(21_841)}`.slice(0, 65_536);
    const [command] = parseCommands(body);
    expect(command?.words.length).toBeGreaterThan(20_000);
  });

  test("thousands of lines of fences, quotes, comments and commands", () => {
    const block = ["````", "```", "/minutes", "> /help", "<!--", "/present", "-->", "````", "/present"];
    const body = Array.from({ length: 1_000 }, () => block.join("\n")).join("\n");
    expect(parseCommands(body)).toHaveLength(1_000);
  });

  test("unclosed comments and fences, thousands of times", () => {
    expect(parseCommands("<!--\n".repeat(10_000) + "/help")).toEqual([]);
    expect(parseCommands("```\n".repeat(10_001) + "/help")).toEqual([]);
    expect(parseCommands("```\n".repeat(10_000) + "/help")).toHaveLength(1);
  });

  test("code spans of many lengths on one line", () => {
    const line = Array.from({ length: 300 }, (_, length) => `${"`".repeat(length + 1)} <!-- ${"`".repeat(length + 1)}`).join(" ");
    expect(parseCommands(`${line}\n/help`)).toHaveLength(1);
  });

  test.each(hostileComments)("a 65,536-character comment of %s is read whole", (_, body, commands) => {
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(parseCommands(body)).toHaveLength(commands);
  });
});

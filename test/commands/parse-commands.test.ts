import { parseCommands, type StepMeter } from "../../src/commands/parse-commands.js";

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

  test("up to three spaces before a command; four or a tab make code", () => {
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

  test("a comment opened mid-paragraph hides the rest of the paragraph at most", () => {
    expect(commandTexts("see <!-- hidden\n/minutes\n\n/help")).toEqual(["/help"]);
  });

  test("comment openers inside code spans or escaped open nothing", () => {
    expect(commandTexts("Use `<!--` to hide text, and \\<!-- too\n/help\n`` a ` <!-- ``\n/present")).toEqual(["/help", "/present"]);
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

  const shapes: Record<string, (size: number) => string> = {
    "one long command line": (size) => `/agenda add ${"nodejs/node#52575 ".repeat(size)}`,
    "many short lines": (size) => "/present\n> quote\n".repeat(size),
    "backtick runs": (size) => Array.from({ length: size }, (_, i) => "`".repeat((i % 40) + 1)).join("<!-- x"),
    "nested fences": (size) => Array.from({ length: size }, (_, i) => "`".repeat(3 + (i % 20))).join("\n"),
    "open comments": (size) => "x <!--\n-->\n".repeat(size),
    "tildes and quotes": (size) => ">> ~~~\n".repeat(size),
  };

  test.each(Object.entries(shapes))("work grows linearly: %s", (_, shape) => {
    const work = (size: number) => {
      const body = shape(size);
      const meter: StepMeter = { steps: 0 };
      parseCommands(body, meter);
      return { steps: meter.steps, length: body.length };
    };
    const small = work(500);
    const large = work(5_000);
    // Ten times the input takes ten times the work, and never more than a few steps a character.
    expect(large.steps / small.steps).toBeLessThan(10 * 1.1 * (large.length / small.length / 10));
    expect(large.steps).toBeLessThan(8 * large.length + 8);
  });
});

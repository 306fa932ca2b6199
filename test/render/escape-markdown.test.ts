import { escapeMarkdown } from "../../src/render/escape-markdown.js";
import { escapeUrl } from "../../src/render/escape-url.js";

// The README table covers each rule once; these are the combinations and edges.
describe("escapeMarkdown", () => {
  test.each([
    ["a link with a title", '[click](https://evil.example "x")', '\\[click\\](https:\u200B//evil.example "x")'],
    ["an image, whose address would still be a link", "![x](https://evil.example/x.png)", "!\\[x\\](https:\u200B//evil.example/x.png)"],
    ["a reference link", "[x][1]", "\\[x\\]\\[1\\]"],
    ["an autolink", "<https://evil.example>", "&lt;https:\u200B//evil.example>"],
    ["a fake hidden marker, whose `:agenda:` would be an emoji shortcode", "<!-- agenda-drafter:agenda:end -->", "&lt;!-- agenda-drafter:\u200Bagenda:end --\\>"],
    ["the lenient comment close", "--!>", "--!\\>"],
    ["a mention inside a sentence", "cc @mhdawson, please review", "cc @\u200Bmhdawson, please review"],
    ["a named character reference", "a &amp; b", "a \\&amp; b"],
    ["a hex character reference", "&#x40;everyone", "\\&#x40;everyone"],
    ["a backslash before a bracket", "\\[x]", "\\\\\\[x\\]"],
    ["Windows line breaks and blank lines", "one\r\n\r\n# two\r\nthree", "one # two three"],
    ["Unicode line separators", "one\u2028two\u2029three", "one two three"],
    ["surrounding space, which would make an indented code block", "    code", "code"],
    ["a heading after a line break", "x\n## y", "x ## y"],
    ["a plus list", "+ item", "\\+ item"],
    ["a parenthesis list", "2) item", "2\\) item"],
    ["a year, which would start a numbered list", "2024. A review", "2024\\. A review"],
    ["a hash that is not a heading, but a reference", "#1234 follow-up", "#\u200B1234 follow-up"],
    ["a dash that is not a list", "--experimental-policy removal", "--experimental-policy removal"],
    ["a tilde fence", "~~~", "\\~\\~\\~"],
    ["an unclosed backtick, which stays literal", "fix `util.inspect", "fix \\`util.inspect"],
    ["a code span of two backticks", "use ``a`b`` here", "use ``a`b`` here"],
    ["a link around a code span", "[`x`](https://evil.example)", "\\[`x`\\](https:\u200B//evil.example)"],
    ["curly quotes", "doc: add policy for “placeholder” executables", "doc: add policy for “placeholder” executables"],
    ["a bare URL", "fuzzing Nodejs: https://github.com/google/oss-fuzz", "fuzzing Nodejs: https:\u200B//github.com/google/oss-fuzz"],
    ["a code span of three backticks at the start, which no fence can be", "```<b>x</b>```", "```<b>x</b>```"],
    ["a code span of three backticks after text", "see ```@nodejs/tsc```", "see ```@nodejs/tsc```"],
    ["a backtick next to a code span", "`` `x` ``` ``", "`` `x` ``` ``"],
    ["backticks that close no span", "``` x ``", "\\`\\`\\` x \\`\\`"],
    ["underscores inside a word", "NODE_OPTIONS and snake_case_name", "NODE_OPTIONS and snake_case_name"],
    ["underscores around a word", "_a_ __b__ c_", "\\_a\\_ \\_\\_b\\_\\_ c\\_"],
    ["emphasis and strikethrough", "*a* ~b~", "\\*a\\* \\~b\\~"],
    ["a cross-repository reference", "see nodejs/node#52575", "see nodejs/node#\u200B52575"],
    ["an e-mail address", "security@example.com", "security@\u200Bexample.com"],
    ["an emoji shortcode", ":tada: :+1:", ":\u200Btada: :\u200B+1:"],
    ["a year and a time, which are no shortcode", "2024-03-28 16:00", "2024-03-28 16:00"],
    ["a hex character reference, whose digits are no reference", "&#x40;", "\\&#x40;"],
    ["bidirectional controls", "a\u202Eb\u2066c\u2069\u200E\u200F\u061C", "abc"],
    ["control characters", "a\u0000b\u0007c\u007Fd", "a b c d"],
  ])("%s", (_case, input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  test("no rule undoes another: a mix of hostile syntax leaves nothing live", () => {
    const hostile = "<!-- [@x](y) \\ --> `<!--` &#64;";
    expect(escapeMarkdown(hostile)).not.toContain("<!--");
    expect(escapeMarkdown(hostile)).not.toContain("-->");
    expect(escapeMarkdown(hostile)).not.toMatch(/(?<!\\)\[/);
  });
});

describe("escapeUrl", () => {
  test("leaves an ordinary URL as it is", () => {
    const url = "https://github.com/nodejs/security-wg/issues?q=is%3Aissue+OpenSSF+Scorecard+Report+Updated%21+";
    expect(escapeUrl(url)).toBe(url);
  });

  test("encodes what would end <url> or (url)", () => {
    expect(escapeUrl("https://en.wikipedia.org/wiki/Node.js_(software)")).toBe(
      "https://en.wikipedia.org/wiki/Node.js_%28software%29",
    );
    expect(escapeUrl("https://x.example/a b>c<d")).toBe("https://x.example/a%20b%3Ec%3Cd");
    expect(escapeUrl("https://x.example/\n[x]")).toBe("https://x.example/%0A%5Bx%5D");
  });
});

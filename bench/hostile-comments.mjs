// Comments built to make a Markdown parser work hard, each as long as GitHub allows, with how many
// command lines each holds. The benchmark times them; test/commands/parse-commands.test.ts checks
// that each is read whole and right.

const GITHUB_COMMENT_LIMIT = 65_536;

/** `start`, then `unit` as often as it fits before `end` in GitHub's longest comment. */
function fill(unit, { start = "", end = "" } = {}) {
  const room = GITHUB_COMMENT_LIMIT - start.length - end.length;
  return { body: start + unit.repeat(Math.floor(room / unit.length)) + end, units: Math.floor(room / unit.length) };
}

const commandLines = fill("/agenda refresh\n");
const betweenQuotes = fill("/present\n\n> quote\n\n");
const fencesQuotesComments = fill(["````", "```", "/minutes", "````", "> /help", "<!--", "/present", "-->", "/present", ""].join("\n"));
const commentsAroundCommands = fill("x <!--\n/minutes\n-->\n/present\n\n");
const fences = fill("```\n", { end: "/help" });
const titles = fill('[a](b "\n/minutes\n")\n/present\n');
const openTitles = fill('[a](b "\n/minutes\n');
const attributes = fill('<a title="\n/minutes\n">\n/present\n');
const openAttributes = fill('<a title="\n/minutes\n');
const deepAfterHelp = "/help\n\n/present\n";

/** [what it is, the comment, how many command lines it holds] */
export const hostileComments = [
  ["one command line", `/agenda add ${"nodejs/node#52575 ".repeat(4_000)}`.slice(0, GITHUB_COMMENT_LIMIT), 1],
  ["command lines", commandLines.body, commandLines.units],
  ["commands between quotes", betweenQuotes.body, betweenQuotes.units],
  ["nested fences, quotes and comments", fencesQuotesComments.body, fencesQuotesComments.units],
  ["comments around command lines", commentsAroundCommands.body, commentsAroundCommands.units],
  [
    "backtick runs and comment openers",
    `/help\n${Array.from({ length: 6_000 }, (_, i) => "`".repeat((i % 40) + 1)).join("<!-- x")}`.slice(0, GITHUB_COMMENT_LIMIT),
    1,
  ],
  // An odd number of fences leaves the last one open, and the command in it.
  ["fences", fences.body, fences.units % 2 === 0 ? 1 : 0],
  ["unclosed HTML comments", fill("x <!--\n", { start: "/help\n\n" }).body, 1],
  ["link titles that hide lines", titles.body, titles.units],
  ["link titles left open, which hide nothing", openTitles.body, openTitles.units],
  ["attributes that hide lines", attributes.body, attributes.units],
  ["attributes left open, which hide nothing", openAttributes.body, openAttributes.units],
  // Each paragraph with a command line is read inline; one nested too deep yields none.
  ["nested brackets", fill("[", { start: deepAfterHelp }).body, 1],
  ["nested images", fill("![", { start: deepAfterHelp }).body, 1],
  ["images in links", fill("[![", { start: deepAfterHelp }).body, 1],
  ["emphasis delimiters", fill("*a **b _c __d ", { start: "/help\n" }).body, 1],
  ["a long table", fill("|x|y\n", { start: "a|b\n-|-\n", end: "\n/help" }).body, 1],
];

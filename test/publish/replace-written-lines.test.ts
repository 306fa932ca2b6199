import { replaceWrittenLines } from "../../src/publish/replace-written-lines.js";

const before = `## Time

**UTC Thu 28-Mar-2024 16:00** (04:00 PM):

## Links

* Minutes: the minutes pull request will be linked here once it is open.
`;

const after = `## Time

**UTC Thu 04-Apr-2024 18:00** (06:00 PM):

## Links

* Minutes: <https://github.com/nodejs/security-wg/pull/1290>
`;

test("lines the app wrote and people left alone follow the new rendering; people's text stays", () => {
  const body = `${before}\n## Notes\n\n* @mhdawson will present the Permission Model roadmap first.\n`;
  expect(replaceWrittenLines(body, before, after)).toMatchInlineSnapshot(`
"## Time

**UTC Thu 04-Apr-2024 18:00** (06:00 PM):

## Links

* Minutes: <https://github.com/nodejs/security-wg/pull/1290>

## Notes

* @mhdawson will present the Permission Model roadmap first.
"
`);
});

test("a line a person edited is theirs and stays as they wrote it", () => {
  const body = before.replace("* Minutes: the minutes pull request will be linked here once it is open.", "* Minutes: in the shared doc for now");
  const replaced = replaceWrittenLines(body, before, after);
  expect(replaced).toContain("* Minutes: in the shared doc for now");
  expect(replaced).toContain("**UTC Thu 04-Apr-2024 18:00** (06:00 PM):");
});

test("inserted lines go before the unchanged line that follows them", () => {
  const live = "## Time\n\nwhen\n";
  const cancelled = "**This meeting is cancelled.**\n\n## Time\n\nwhen\n";
  expect(replaceWrittenLines(`${live}\nnotes\n`, live, cancelled)).toBe("**This meeting is cancelled.**\n\n## Time\n\nwhen\n\nnotes\n");
});

test("a line is only replaced where it stands whole, not inside a longer one", () => {
  expect(replaceWrittenLines("* a line\n", "a line\n", "another\n")).toBe("* a line\n");
});

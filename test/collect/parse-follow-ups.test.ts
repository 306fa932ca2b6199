import { readFileSync } from "node:fs";
import { MAX_MINUTES_CHARS, parseFollowUps } from "../../src/collect/parse-follow-ups.js";

const MINUTES = readFileSync(new URL("../fixtures/follow-ups/minutes-2024-03-14.md", import.meta.url), "utf8");

test("unchecked tasks and ACTION lines, as the minutes write them, in order with their lines", () => {
  expect(parseFollowUps(MINUTES)).toEqual([
    { text: "@RafaelGSS to open an issue for the `--allow-addons` flag", line: 23 },
    { text: "Michael to check nodejs/node#52575 with the TSC", line: 24 },
    { text: "@UlisesGascon draft the announcement template", line: 26 },
    { text: "Review the release checklist with the releasers", line: 28 },
    { text: "everyone to review the threat model before next meeting", line: 36 },
    { text: "mhdawson to book the collab summit room", line: 37 },
  ]);
});

test("nothing in quotes, HTML comments, code blocks or code spans, nor a marker in the middle of a line", () => {
  const found = parseFollowUps(MINUTES).map((item) => item.text).join("\n");
  for (const hidden of ["quoted", "hide", "hidden task", "code", "in passing", "middle"]) expect(found).not.toContain(hidden);
});

test("a task's own ACTION marker is dropped; checked tasks, empty tasks and GFM look-alikes are not follow-ups", () => {
  const text = ["- [ ] ACTION: one thing", "- [x] done", "- [X] done too", "- [ ]", "- [] not a task", "* [ ]\tfour", "1. [ ] numbered"].join("\n");
  expect(parseFollowUps(text).map((item) => item.text)).toEqual(["one thing", "four", "numbered"]);
});

test("ACTION forms: ITEM, a dash, emphasis; links keep their text; a comment inside a paragraph keeps the line count", () => {
  const text = [
    "ACTION ITEM: read [the doc](https://example.com/doc)",
    "_ACTION_ - rotate the keys",
    "text <!-- a",
    "comment -->",
    "ACTION: after the comment",
    "Action: not upper case",
  ].join("\n");
  expect(parseFollowUps(text)).toEqual([
    { text: "read the doc", line: 1 },
    { text: "rotate the keys", line: 2 },
    { text: "after the comment", line: 5 },
  ]);
});

test("Windows line breaks, nesting past the bound, and only the head of a huge file", () => {
  expect(parseFollowUps("ACTION: a\r\nACTION: b\r\n")).toEqual([
    { text: "a", line: 1 },
    { text: "b", line: 2 },
  ]);
  expect(parseFollowUps(`${"> ".repeat(100)}ACTION: deep`)).toEqual([]);
  const line = "ACTION: 0123456789\n";
  const found = parseFollowUps(line.repeat(10_000));
  expect(found).toHaveLength(Math.floor(MAX_MINUTES_CHARS / line.length));
  expect(found.at(-1)).toEqual({ text: "0123456789", line: found.length });
});

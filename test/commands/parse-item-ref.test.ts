import { parseItemRef } from "../../src/commands/parse-item-ref.js";

const HOME = { owner: "nodejs", repo: "tsc" };

describe("parseItemRef", () => {
  test("short and full refs, and issue and pull request URLs, name items without saying what kind", () => {
    expect(parseItemRef("#12", HOME, "github.com")).toEqual({ repo: "nodejs/tsc", number: 12 });
    expect(parseItemRef("nodejs/node#52575", HOME, "github.com")).toEqual({ repo: "nodejs/node", number: 52575 });
    expect(parseItemRef("https://github.com/nodejs/node/issues/7", HOME, "github.com")).toEqual({ repo: "nodejs/node", number: 7 });
    expect(parseItemRef("https://github.com/nodejs/node/pull/52459/files", HOME, "github.com")).toEqual({ repo: "nodejs/node", number: 52459 });
  });

  test("a discussion URL names a discussion", () => {
    expect(parseItemRef("https://github.com/nodejs/security-wg/discussions/2", HOME, "github.com")).toEqual({
      repo: "nodejs/security-wg",
      number: 2,
      discussion: true,
    });
    expect(parseItemRef("https://GitHub.com/nodejs/node/discussions/9?sort=top#discussioncomment-1", HOME, "github.com")).toEqual({
      repo: "nodejs/node",
      number: 9,
      discussion: true,
    });
  });

  test("a discussion URL on another host, of a category or of the discussions tab names nothing", () => {
    expect(parseItemRef("https://example.com/nodejs/node/discussions/2", HOME, "github.com")).toBeUndefined();
    expect(parseItemRef("http://github.com/nodejs/node/discussions/2", HOME, "github.com")).toBeUndefined();
    expect(parseItemRef("https://github.com/nodejs/node/discussions/categories/ideas", HOME, "github.com")).toBeUndefined();
    expect(parseItemRef("https://github.com/nodejs/node/discussions", HOME, "github.com")).toBeUndefined();
    expect(parseItemRef("https://github.com/nodejs/node/discussions/0", HOME, "github.com")).toBeUndefined();
  });
});

import { searchUrl } from "../../src/collect/search-url.js";

test("searchUrl links the github.com issue search for a query", () => {
  expect(searchUrl('is:open is:public label:"good first issue",tsc-agenda org:nodejs')).toBe(
    "https://github.com/search?q=is%3Aopen+is%3Apublic+label%3A%22good+first+issue%22%2Ctsc-agenda+org%3Anodejs&type=issues",
  );
});

import { searchUrl, webOriginOf } from "../../src/collect/search-url.js";

test("searchUrl links the github.com issue search for a query", () => {
  expect(searchUrl('is:open is:public label:"good first issue",tsc-agenda org:nodejs')).toBe(
    "https://github.com/search?q=is%3Aopen+is%3Apublic+label%3A%22good+first+issue%22%2Ctsc-agenda+org%3Anodejs&type=issues",
  );
});

test("the links go to the GitHub the home repo lives on", () => {
  expect(webOriginOf("https://ghe.example.com/nodejs/security-wg")).toBe("https://ghe.example.com");
  expect(searchUrl("is:open org:nodejs", webOriginOf("https://ghe.example.com/nodejs/security-wg"))).toBe(
    "https://ghe.example.com/search?q=is%3Aopen+org%3Anodejs&type=issues",
  );
  expect(webOriginOf(undefined)).toBe("https://github.com");
});

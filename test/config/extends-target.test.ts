import { extendsTarget } from "../../src/config/extends-target.js";

const FROM = { owner: "nodejs", repo: "security-wg", path: ".github/agenda-drafter.yml" };

test.each([
  [".github", { owner: "nodejs", repo: ".github", path: ".github/agenda-drafter.yml" }],
  ["admin", { owner: "nodejs", repo: "admin", path: ".github/agenda-drafter.yml" }],
  ["openjs-foundation/.github", { owner: "openjs-foundation", repo: ".github", path: ".github/agenda-drafter.yml" }],
  [".github:meetings/defaults.yml", { owner: "nodejs", repo: ".github", path: "meetings/defaults.yml" }],
  ["nodejs/admin:config/agenda.yaml", { owner: "nodejs", repo: "admin", path: "config/agenda.yaml" }],
])("%s", (value, target) => {
  expect(extendsTarget(value, FROM)).toEqual(target);
});

test.each(["", "nodejs/admin:config.json", "https://github.com/nodejs/admin", "a/b/c"])("%j is malformed", (value) => {
  expect(extendsTarget(value, FROM)).toBeUndefined();
});

import { parse } from "yaml";
import { loadSnapshot } from "../src/snapshot.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

test("fills GitHub's defaults into a snapshot written by hand", () => {
  const snapshot = loadSnapshot(NODEJS_SNAPSHOT);
  const securityWg = snapshot.orgs["nodejs"]?.repos["security-wg"];
  expect(securityWg?.default_branch).toBe("main");
  expect(securityWg?.archived).toBe(false);
  expect(securityWg?.issues[0]).toMatchObject({ number: 1255, state: "open", pull_request: false, comments: 12, created_at: "2024-01-08T14:02:11Z" });
  expect(snapshot.orgs["pkgjs"]?.base_permission).toBe("read");
  expect(snapshot.now).toBe("2024-03-25T12:00:00Z");
});

test("names the key path of every mistake", () => {
  const yaml = `
orgs:
  nodejs:
    base_permission: owner
    repos:
      security-wg:
        private: true
        visibility: public
        collaborators: { mhdawson: superuser }
        issues:
          - { number: 1255, title: "Node.js Security Initiatives 2024" }
          - { number: 1255, title: "Duplicate", draft: true }
          - { title: "No number" }
installations:
  - { account: pkgjs }
`;
  expect(() => loadSnapshot(yaml, "examples/nodejs.yml")).toThrowErrorMatchingInlineSnapshot(`
"examples/nodejs.yml: invalid sandbox snapshot:
  - orgs.nodejs.base_permission: Invalid option: expected one of "none"|"read"|"write"|"admin"
  - orgs.nodejs.repos.security-wg.collaborators.mhdawson: Invalid option: expected one of "read"|"triage"|"write"|"maintain"|"admin"
  - orgs.nodejs.repos.security-wg.issues[2].number: Invalid input: expected number, received undefined"
`);
});

test("checks what one key says against another once each key is valid", () => {
  const yaml = `
orgs:
  nodejs:
    repos:
      security-wg:
        private: true
        visibility: public
        issues:
          - { number: 1255, title: "Node.js Security Initiatives 2024" }
          - { number: 1255, title: "Duplicate", draft: true }
installations:
  - { account: pkgjs }
  - { account: nodejs, repositories: [security-wg, node] }
`;
  expect(() => loadSnapshot(yaml)).toThrowErrorMatchingInlineSnapshot(`
"snapshot: invalid sandbox snapshot:
  - orgs.nodejs.repos.security-wg.private: private: true contradicts visibility: public
  - orgs.nodejs.repos.security-wg.issues[1].number: number 1255 is used twice in this repository
  - orgs.nodejs.repos.security-wg.issues[1]: draft and head apply to pull requests only (pull_request: true)
  - installations[0].account: account pkgjs is not an organization of this snapshot
  - installations[1].repositories[1]: repository nodejs/node is not in this snapshot"
`);
});

test("reports YAML syntax errors with the file name", () => {
  expect(() => loadSnapshot("orgs: { nodejs: [", "broken.yml")).toThrow(/^broken\.yml: not valid YAML: /);
});

test("reads a snapshot written as JSON as it reads the same snapshot in YAML", () => {
  const json = JSON.stringify(parse(NODEJS_SNAPSHOT));
  expect(loadSnapshot(json)).toEqual(loadSnapshot(NODEJS_SNAPSHOT));
  expect(() => loadSnapshot('{ "orgs": { "nodejs": [', "broken.json")).toThrow(/^broken\.json: not valid YAML: /);
});

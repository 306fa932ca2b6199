import { readFileSync } from "node:fs";
import { Sandbox } from "@agenda-drafter/github-sandbox";
import { draftOccurrence } from "../../src/operations/draft-occurrence.js";

// The same agenda from github.com and from GitHub Enterprise Server before and after advanced
// search: the app reads the server's version from its answers and writes its queries to suit.

const snapshotFile = new URL("../fixtures/snapshots/search-tokens.yml", import.meta.url).pathname;
const EXPECTED_AGENDA = ["acme/api#10", "acme/api#11", "acme/design#3", "acme/docs#5", "acme/meetings#1", "tools/lint#42"];

async function draftOn(enterpriseVersion: string | undefined) {
  const sandbox = Sandbox.fromSnapshot(readFileSync(snapshotFile, "utf8"), snapshotFile, enterpriseVersion ? { enterpriseVersion } : {});
  const searches: string[] = [];
  sandbox.onRequest((request) => {
    if (request.path.startsWith("/search/")) searches.push(request.path);
  });
  const draft = await draftOccurrence(sandbox.octokit(), { repo: { owner: "acme", repo: "meetings" }, now: sandbox.clock.now() });
  const agenda = draft.agenda.groups.flatMap((group) => group.items.map((item) => `${item.repo}#${item.number}`)).sort();
  const params = searches.map((path) => new URL(path, "http://x").searchParams);
  return { agenda, queries: params.map((p) => p.get("q")), advancedParameter: params.map((p) => p.get("advanced_search")), draft };
}

test("GitHub Enterprise Server before 3.17: one scope term per query, which its search reads as intended", async () => {
  const { agenda, queries, advancedParameter, draft } = await draftOn("3.16.4");
  expect(agenda).toEqual(EXPECTED_AGENDA);
  expect(queries).toHaveLength(8);
  expect(queries.every((q) => q?.split(" ").filter((term) => term.startsWith("repo:")).length === 1 && !q.includes(" OR "))).toBe(true);
  expect(advancedParameter.every((value) => value === null)).toBe(true);
  expect(draft.agenda.searchUrls).toHaveLength(8);
});

test("GitHub Enterprise Server 3.17 and later: advanced search, asked for", async () => {
  const { agenda, queries, advancedParameter } = await draftOn("3.19.0");
  expect(agenda).toEqual(EXPECTED_AGENDA);
  expect(queries).toHaveLength(2);
  expect(advancedParameter).toEqual(["true", "true"]);
});

test("github.com: advanced search without asking", async () => {
  const { agenda, queries, advancedParameter } = await draftOn(undefined);
  expect(agenda).toEqual(EXPECTED_AGENDA);
  expect(queries).toHaveLength(2);
  expect(advancedParameter).toEqual([null, null]);
});

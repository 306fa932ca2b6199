import { toAgendaItem } from "../../src/collect/to-agenda-item.js";
import {
  inactiveLimit,
  searchItem,
  securityInitiatives,
} from "../fixtures/search-items.js";

describe("toAgendaItem", () => {
  test("an issue", () => {
    expect(toAgendaItem(securityInitiatives())).toMatchInlineSnapshot(`
      {
        "author": "RafaelGSS",
        "createdAt": "2024-03-12T13:40:21Z",
        "kind": "issue",
        "labels": [
          "security-wg-agenda",
        ],
        "number": 1255,
        "repo": "nodejs/security-wg",
        "title": "Node.js Security Initiatives 2024",
        "updatedAt": "2024-03-25T18:02:44Z",
        "url": "https://github.com/nodejs/security-wg/issues/1255",
      }
    `);
  });

  test("a pull request carries its draft state", () => {
    expect(toAgendaItem(inactiveLimit())).toMatchInlineSnapshot(`
      {
        "author": "mhdawson",
        "createdAt": "2024-04-10T15:27:49Z",
        "draft": false,
        "kind": "pull_request",
        "labels": [
          "security-wg-agenda",
          "tools",
        ],
        "number": 52459,
        "repo": "nodejs/node",
        "title": "tools: change inactive limit to 9 months",
        "updatedAt": "2024-04-19T11:02:05Z",
        "url": "https://github.com/nodejs/node/pull/52459",
      }
    `);
    const draft = searchItem({
      repo: "nodejs/node",
      number: 52106,
      title: "doc: add policy for “placeholder” executables",
      pullRequest: true,
      draft: true,
    });
    expect(toAgendaItem(draft).draft).toBe(true);
  });

  test("a deleted user's item has no author; titles stay as GitHub gives them", () => {
    const item = searchItem({
      repo: "nodejs/node",
      number: 51886,
      title: "build: enable `yarn` and `pnpm` Corepack binaries <by default> & *more*",
      author: null,
    });
    expect(toAgendaItem(item)).toMatchObject({
      author: null,
      title: "build: enable `yarn` and `pnpm` Corepack binaries <by default> & *more*",
    });
  });

  test("the repository keeps GitHub's spelling", () => {
    const item = searchItem({ repo: "nodejs/TSC", number: 1518, title: "Corepack decisions" });
    expect(toAgendaItem(item).repo).toBe("nodejs/TSC");
  });
});

import { createState } from "../src/create-state.js";
import { Sandbox } from "../src/sandbox.js";
import { createSandboxHandler } from "../src/server/sandbox-handler.js";
import { answerGraphql } from "../src/graphql/answer-graphql.js";
import type { GraphqlContext } from "../src/graphql/nodes.js";
import { loadSnapshot } from "../src/snapshot.js";
import type { SandboxState } from "../src/state.js";
import { SERVER_SNAPSHOT } from "./server-fixtures.js";

const urls = { api: "http://localhost:3001/api/v3", web: "http://localhost:3001" };
let state: SandboxState;

beforeAll(() => {
  state = createState(loadSnapshot(SERVER_SNAPSHOT));
});

function asInstallation(): GraphqlContext {
  return {
    state,
    actor: { kind: "installation", installations: state.installations },
    urls,
    now: new Date("2024-03-26T09:00:00Z"),
    searchState: () => state,
    viewerLogin: "agenda-drafter[bot]",
  };
}

async function ask(query: string, variables?: Record<string, unknown>, context = asInstallation()) {
  const response = await answerGraphql(JSON.stringify({ query, variables }), context);
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const SEARCH = `query ($q: String!, $after: String) {
  search(type: ISSUE, query: $q, first: 2, after: $after) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      ... on Issue { number title url state createdAt updatedAt author { login } labels(first: 10) { nodes { name } } repository { nameWithOwner isPrivate visibility } }
      ... on PullRequest { number title url prState: state isDraft author { login } repository { nameWithOwner } }
    }
  }
}`;

test("search pages through the items an installation may see, with GitHub's shapes", async () => {
  const first = await ask(SEARCH, { q: "label:security-wg-agenda is:open" });
  expect(first.status).toBe(200);
  expect(first.body.errors).toBeUndefined();
  expect(first.body.data.search.issueCount).toBe(5);
  expect(first.body.data.search.pageInfo.hasNextPage).toBe(true);
  const items = [...first.body.data.search.nodes];
  let cursor = first.body.data.search.pageInfo.endCursor;
  while (cursor) {
    const next = await ask(SEARCH, { q: "label:security-wg-agenda is:open", after: cursor });
    items.push(...next.body.data.search.nodes);
    cursor = next.body.data.search.pageInfo.hasNextPage ? next.body.data.search.pageInfo.endCursor : null;
  }
  expect(items.map((item: any) => `${item.repository.nameWithOwner}#${item.number}`).sort()).toEqual([
    "nodejs/security-private#12",
    "nodejs/security-wg#1236",
    "nodejs/security-wg#1255",
    "nodejs/security-wg#1294",
    "openjs-foundation/cross-project-council#1234",
  ]);
  expect(items.find((item: any) => item.number === 1255)).toMatchInlineSnapshot(`
{
  "author": {
    "login": "RafaelGSS",
  },
  "createdAt": "2024-01-05T10:00:00Z",
  "labels": {
    "nodes": [
      {
        "name": "security-wg-agenda",
      },
    ],
  },
  "number": 1255,
  "repository": {
    "isPrivate": false,
    "nameWithOwner": "nodejs/security-wg",
    "visibility": "PUBLIC",
  },
  "state": "OPEN",
  "title": "Node.js Security Initiatives 2024",
  "updatedAt": "2024-03-20T08:00:00Z",
  "url": "http://localhost:3001/nodejs/security-wg/issues/1255",
}
`);
  expect(items.find((item: any) => item.number === 1294)).toMatchInlineSnapshot(`
{
  "author": {
    "login": "UlisesGascon",
  },
  "isDraft": true,
  "number": 1294,
  "prState": "OPEN",
  "repository": {
    "nameWithOwner": "nodejs/security-wg",
  },
  "title": "OpenSSF Scorecard Report Updated!",
  "url": "http://localhost:3001/nodejs/security-wg/pull/1294",
}
`);
});

test("an installation does not find items of repositories it is not installed on", async () => {
  const { body } = await ask(SEARCH, { q: "org:openjs-foundation label:security-wg-agenda" });
  expect(body.data.search.issueCount).toBe(1);
  const { body: narrow } = await ask(SEARCH, { q: "org:openjs-foundation" }, {
    ...asInstallation(),
    actor: { kind: "installation", installations: state.installations.filter((installation) => installation.account === "nodejs") },
  });
  expect(narrow.data.search.issueCount).toBe(0);
});

test("a user finds only what they can read", async () => {
  const outsider = { ...asInstallation(), actor: { kind: "user" as const, login: "someone" }, viewerLogin: "someone" };
  const { body } = await ask(SEARCH, { q: "label:security-wg-agenda" }, outsider);
  expect(body.data.search.nodes.map((item: any) => item.repository.nameWithOwner)).not.toContain("nodejs/security-private");
});

test("a document GitHub's schema rejects comes back as errors with status 200", async () => {
  const { status, body } = await ask(`{ search(type: ISSUE, query: "x", first: 1) { nodes { title } } }`);
  expect(status).toBe(200);
  expect(body.data).toBeUndefined();
  expect(body.errors).toMatchInlineSnapshot(`
[
  {
    "message": "Cannot query field "title" on type "SearchResultItem". Did you mean to use an inline fragment on "Discussion", "Issue", or "PullRequest"?",
  },
]
`);
  const syntax = await ask(`{ viewer { login }`);
  expect(syntax.body.errors?.[0].message).toMatch(/Syntax Error/);
});

test("a document sent again is answered as the first time, its variables read anew", async () => {
  const rejected = `{ search(type: ISSUE, query: "x", first: 1) { nodes { title } } }`;
  expect((await ask(rejected)).body).toEqual((await ask(rejected)).body);
  const syntax = `{ viewer { login }`;
  expect((await ask(syntax)).body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Syntax Error/), locations: [{ line: 1, column: 19 }] })]);
  expect((await ask(syntax)).body).toEqual((await ask(syntax)).body);
  const open = await ask(SEARCH, { q: "label:security-wg-agenda is:open" });
  const closed = await ask(SEARCH, { q: "label:security-wg-agenda is:closed" });
  expect(open.body.data.search.issueCount).toBe(5);
  expect(closed.body.data.search.issueCount).not.toBe(5);
});

test("repository, issue, viewer and rateLimit", async () => {
  const { body } = await ask(`{
    viewer { login }
    rateLimit { remaining resetAt }
    repository(owner: "nodejs", name: "security-wg") {
      nameWithOwner
      issue(number: 1260) { title body state comments(first: 1) { totalCount } }
    }
  }`);
  expect(body).toMatchInlineSnapshot(`
{
  "data": {
    "rateLimit": {
      "remaining": 4999,
      "resetAt": "2024-03-26T10:00:00Z",
    },
    "repository": {
      "issue": {
        "body": "<!-- agenda-drafter: {"meeting":"security-wg","occurrence":"2024-03-28"} -->
## Agenda

- [ ] nodejs/security-wg#1255
- [x] Vulnerability Review

<script>alert("not on GitHub")</script>
<img src="x.png" onerror="alert(1)">
",
        "comments": {
          "totalCount": 0,
        },
        "state": "OPEN",
        "title": "Node.js Security team Meeting 2024-03-28",
      },
      "nameWithOwner": "nodejs/security-wg",
    },
    "viewer": {
      "login": "agenda-drafter[bot]",
    },
  },
}
`);
});

test("a missing issue is null with GitHub's NOT_FOUND error; page sizes over 100 are refused", async () => {
  const missing = await ask(`{ repository(owner: "nodejs", name: "security-wg") { issue(number: 99999) { title } } }`);
  expect(missing.body).toMatchInlineSnapshot(`
{
  "data": {
    "repository": {
      "issue": null,
    },
  },
  "errors": [
    {
      "locations": [
        {
          "column": 54,
          "line": 1,
        },
      ],
      "message": "Could not resolve to an Issue with the number of 99999.",
      "path": [
        "repository",
        "issue",
      ],
      "type": "NOT_FOUND",
    },
  ],
}
`);
  const tooMany = await ask(`{ search(type: ISSUE, query: "is:open", first: 101) { issueCount } }`);
  expect(tooMany.body.errors?.[0].message).toBe("Requesting 101 records on the `search` connection exceeds the `first` limit of 100 records.");
});

test("a field the sandbox does not model fails loudly instead of answering null", async () => {
  const { body } = await ask(`{ repository(owner: "nodejs", name: "security-wg") { stargazerCount } }`);
  expect(body.errors?.[0].message).toBe("The sandbox does not implement Repository.stargazerCount.");
});

test("GraphQL search lags behind changes as the REST search does", async () => {
  const sandbox = Sandbox.fromSnapshot(SERVER_SNAPSHOT);
  const handler = createSandboxHandler(sandbox);
  const countLabelled = async () => {
    const response = await handler(
      new Request("http://localhost:3001/api/graphql", {
        method: "POST",
        headers: { authorization: "token user:mhdawson" },
        body: JSON.stringify({ query: `{ search(type: ISSUE, query: "repo:nodejs/security-wg label:security-wg-agenda is:open", first: 10) { issueCount } }` }),
      }),
    );
    return ((await response.json()) as { data: { search: { issueCount: number } } }).data.search.issueCount;
  };
  sandbox.setSearchLag(60_000);
  await sandbox.octokit("user:mhdawson").rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1248, labels: ["security-wg-agenda"] });
  expect(await countLabelled()).toBe(3);
  sandbox.clock.advance(60_000);
  expect(await countLabelled()).toBe(4);
});

const CONFIG_FILES = `query ($login: String!) {
  repositoryOwner(login: $login) {
    repositories(first: 100, ownerAffiliations: [OWNER]) {
      pageInfo { hasNextPage }
      nodes { name isArchived config: object(expression: "HEAD:README.md") { ... on Blob { text isTruncated } } }
    }
  }
}`;

test("repositoryOwner lists the repositories an installation may read, each with a file read through object(expression:)", async () => {
  const { body } = await ask(CONFIG_FILES, { login: "nodejs" });
  expect(body.errors).toBeUndefined();
  const nodes = body.data.repositoryOwner.repositories.nodes as { name: string; config: { text: string; isTruncated: boolean } | null }[];
  expect(nodes.map((node) => node.name)).toEqual([...nodes.map((node) => node.name)].sort());
  const home = nodes.find((node) => node.name === "security-wg");
  expect(home?.config).toEqual({ text: "# Security WG\n", isTruncated: false });
  expect(nodes.filter((node) => node.name !== "security-wg").every((node) => node.config === null)).toBe(true);
  expect((await ask(CONFIG_FILES, { login: "nobody-here" })).body.data).toEqual({ repositoryOwner: null });
});

test("object(expression:) reads a branch's file and a tree, and answers null for a path that is not there", async () => {
  const { body } = await ask(`{
    repository(owner: "nodejs", name: "security-wg") {
      file: object(expression: "main:meetings/2024-03-14.md") { __typename ... on Blob { byteSize isBinary } }
      tree: object(expression: "HEAD:meetings") { __typename }
      missing: object(expression: "HEAD:no/such/file.yml") { __typename }
    }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data.repository.file).toEqual({ __typename: "Blob", byteSize: expect.any(Number), isBinary: false });
  expect(body.data.repository.tree).toEqual({ __typename: "Tree" });
  expect(body.data.repository.missing).toBeNull();
});

import { routeClass, writeKind } from "../../src/app/observe-requests.js";

test("a route's class is what a repository route acts on, else its first segment", () => {
  expect(routeClass("/repos/{owner}/{repo}/issues/{issue_number}")).toBe("issues");
  expect(routeClass("/repos/{owner}/{repo}/issues/comments/{comment_id}")).toBe("issues");
  expect(routeClass("/repos/{owner}/{repo}/pulls")).toBe("pulls");
  expect(routeClass("/repos/{owner}/{repo}/git/refs")).toBe("git");
  expect(routeClass("/repos/{owner}/{repo}")).toBe("repos");
  expect(routeClass("/search/issues")).toBe("search");
  expect(routeClass("/graphql")).toBe("graphql");
  expect(routeClass("/app/installations/{installation_id}/access_tokens")).toBe("app");
  // A next page comes as a whole URL, on GitHub Enterprise Server under /api/v3.
  expect(routeClass("https://ghe.example.com/api/v3/repos/nodejs/node/issues?page=2")).toBe("issues");
  expect(routeClass("https://api.github.com/search/issues?q=x&page=2")).toBe("search");
});

test("a write is an issue's, a comment's, a pull request's, or another", () => {
  expect(writeKind("/repos/{owner}/{repo}/issues")).toBe("issue");
  expect(writeKind("/repos/{owner}/{repo}/issues/{issue_number}")).toBe("issue");
  expect(writeKind("/repos/{owner}/{repo}/issues/{issue_number}/labels")).toBe("issue");
  expect(writeKind("/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}")).toBe("issue");
  expect(writeKind("/repos/{owner}/{repo}/issues/{issue_number}/comments")).toBe("comment");
  expect(writeKind("/repos/{owner}/{repo}/issues/comments/{comment_id}")).toBe("comment");
  expect(writeKind("/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions")).toBe("other");
  expect(writeKind("/repos/{owner}/{repo}/pulls")).toBe("pull_request");
  expect(writeKind("/repos/{owner}/{repo}/pulls/{pull_number}")).toBe("pull_request");
  expect(writeKind("/repos/{owner}/{repo}/git/refs")).toBe("other");
  expect(writeKind("/repos/{owner}/{repo}/check-runs")).toBe("other");
});

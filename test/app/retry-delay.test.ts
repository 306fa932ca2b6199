import { retryDelayMs, mayTryAgainLater } from "../../src/app/retry-delay.js";

// GitHub's GraphQL API answers its rate limit with HTTP 200, `errors: [{ type: "RATE_LIMITED" }]`
// and the rate-limit headers: the wait is read from them as for a REST answer.
test("a GraphQL RATE_LIMITED answer waits until the limit resets, as a REST one does", () => {
  const now = Date.parse("2024-03-26T09:00:00Z");
  const reset = now / 1000 + 5 * 60;
  // Shaped as @octokit/graphql's GraphqlResponseError: the headers on the error, no status.
  const error = Object.assign(new Error("Request failed due to following response errors:\n - API rate limit exceeded for installation ID 4001."), {
    name: "GraphqlResponseError",
    headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
    errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation ID 4001." }],
  });
  expect(mayTryAgainLater(error)).toBe(true);
  expect(retryDelayMs(error, now)).toBe(5 * 60 * 1000);
});

import { retryDelayMs, mayTryAgainLater } from "../../src/app/retry-delay.js";
import { TemplateError } from "../../src/render/template-error.js";

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

// A template stopped at its render limits fails the same way on every try, and each try holds a
// worker for up to two seconds: it is reported, not retried.
test("a user's template error is not tried again, whatever GitHub would allow", () => {
  const error = new TemplateError({ file: ".github/agenda-drafter/slow-issue.md.hbs", message: "took longer than 2 s to render and was stopped" });
  expect(mayTryAgainLater(error)).toBe(false);
  expect(mayTryAgainLater(new Error("socket hang up"))).toBe(true);
});

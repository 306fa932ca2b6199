import { actionSettings } from "../../src/action/action-settings.js";
import { UserError } from "../../src/errors.js";

const KEY = "a-state-key-of-thirty-two-characters!";

/** What GitHub Actions sets for a step of `uses:` with these inputs (defaults from action.yml included). */
function runner(inputs: Record<string, string> = {}, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const all = { token: "ghs_token", "state-key": KEY, "dry-run": "false", meeting: "", "log-level": "info", ...inputs };
  return {
    GITHUB_EVENT_NAME: "schedule",
    GITHUB_EVENT_PATH: "/github/workflow/event.json",
    GITHUB_REPOSITORY: "nodejs/security-wg",
    GITHUB_API_URL: "https://api.github.com",
    GITHUB_GRAPHQL_URL: "https://api.github.com/graphql",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "1658821493",
    GITHUB_RUN_ATTEMPT: "2",
    ...Object.fromEntries(Object.entries(all).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...env,
  };
}

test("reads the inputs as Actions passes them, hyphens kept (INPUT_DRY-RUN)", () => {
  expect(actionSettings(runner({ "dry-run": "true", meeting: "security-wg", "log-level": "DEBUG" }))).toEqual({
    token: "ghs_token",
    eventName: "schedule",
    eventPath: "/github/workflow/event.json",
    home: { owner: "nodejs", repo: "security-wg" },
    apiUrl: "https://api.github.com",
    graphqlUrl: "https://api.github.com/graphql",
    runId: "1658821493-2",
    dryRun: true,
    meeting: "security-wg",
    logLevel: "debug",
    stateKey: KEY,
  });
});

test("on GitHub Enterprise Server, talks to the server the runner names", () => {
  const settings = actionSettings(
    runner({}, { GITHUB_API_URL: "https://ghe.example.org/api/v3", GITHUB_GRAPHQL_URL: "https://ghe.example.org/api/graphql", GITHUB_SERVER_URL: "https://ghe.example.org" }),
  );
  expect(settings).toMatchObject({ apiUrl: "https://ghe.example.org/api/v3", graphqlUrl: "https://ghe.example.org/api/graphql" });
  const { GITHUB_GRAPHQL_URL: _, ...withoutGraphql } = runner({}, { GITHUB_API_URL: "https://ghe.example.org/api/v3" });
  expect(actionSettings(withoutGraphql).graphqlUrl).toBe("https://ghe.example.org/api/graphql");
});

test.each([
  [{ "state-key": "" }, /^Set the state-key input to a secret of 32 characters or more/],
  [{ "state-key": "short" }, /^The state-key input is 5 characters long; it must be 32 or more\.$/],
  [{ "dry-run": "yes" }, /^The dry-run input is "yes"; it must be true or false\.$/],
  [{ meeting: "Security WG" }, /^The meeting input "Security WG" is no meeting id/],
  [{ "log-level": "loud" }, /^The log-level input "loud" is none of trace, debug, info, warn, error, fatal\.$/],
  [{ token: "" }, /^The token input is empty/],
])("a bad input %j is one message saying which and why", (inputs, message) => {
  expect(() => actionSettings(runner(inputs))).toThrow(UserError);
  expect(() => actionSettings(runner(inputs))).toThrow(message);
});

test("outside a workflow, says what is missing", () => {
  const { GITHUB_EVENT_PATH: _, ...env } = runner();
  expect(() => actionSettings(env)).toThrow("GITHUB_EVENT_PATH is not set: agenda-drafter's action runs as a step of a GitHub Actions workflow, which sets it.");
});

import nock from "nock";
import { ProbotOctokit } from "probot";
import { runCommand, type RunEnvironment } from "../../src/cli/run.js";
import { createMemoryRegistry } from "../../src/registry/meeting-registry.js";
import type { GitHub } from "../../src/github.js";
import { createProcessLock } from "../../src/scheduler/lock.js";
import { TICK_LOCK_KEY } from "../../src/scheduler/run-tick.js";
import type { TickActions } from "../../src/scheduler/tick-meeting.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

function octokit(): GitHub {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
}

const noWork: TickActions = {
  records: async () => new Map(),
  createIssue: async () => 1250,
  freezeAgenda: async () => undefined,
  openMinutes: async () => undefined,
  closeIssue: async () => undefined,
  cancelIssue: async () => undefined,
  refreshIssue: async () => undefined,
};

function capture() {
  const printed: string[] = [];
  return { printed, output: { print: (text: string) => void printed.push(text), log: () => undefined } };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("agenda-drafter run", () => {
  test("for an org, says what discovery cost and what the tick did", async () => {
    const registry = createMemoryRegistry();
    await registry.markKnown(7);
    await registry.setRepoMeetings(7, "nodejs/security-wg", [securityWgMeeting()]);
    const environment: RunEnvironment = {
      installations: async () => [{ installationId: 7, octokit: octokit() }],
      actions: () => noWork,
      registry,
      lock: createProcessLock(),
      now: () => new Date("2024-03-25T16:05:00Z"),
    };
    const { printed, output } = capture();

    await runCommand([], output, environment);

    expect(printed).toMatchInlineSnapshot(`
[
  "Discovery cost 0 API call(s).",
  "nodejs/security-wg security-wg: create-issue 2024-03-28",
]
`);
  });

  test("when another tick holds the lock, does nothing and says so", async () => {
    const lock = createProcessLock();
    await lock.acquire(TICK_LOCK_KEY, 60_000);
    const { printed, output } = capture();
    await runCommand([], output, {
      installations: async () => [],
      actions: () => noWork,
      registry: createMemoryRegistry(),
      lock,
      now: () => new Date("2024-03-25T16:05:00Z"),
    });
    expect(printed).toEqual(["Another tick is running; nothing done."]);
  });

  test("rejects a malformed --repo, and a repository the app is not installed on", async () => {
    const environment: RunEnvironment = {
      installations: async () => [],
      actions: () => noWork,
      registry: createMemoryRegistry(),
      lock: createProcessLock(),
      now: () => new Date("2024-03-25T16:05:00Z"),
    };
    await expect(runCommand(["--repo", "nodejs"], capture().output, environment)).rejects.toThrow('--repo must be OWNER/NAME, got "nodejs".');
    await expect(runCommand(["--repo", "nodejs/security-wg"], capture().output, environment)).rejects.toThrow(
      "The app is not installed on nodejs/security-wg.",
    );
  });
});

// Discovery checks the config files GraphQL gave it without waiting on GitHub: webhooks arriving
// meanwhile are answered between one file and the next, not after the last.
import nock from "nock";
import { ProbotOctokit } from "probot";
import type { GitHub } from "../../src/github.js";
import { discoverMeetings } from "../../src/registry/discover-meetings.js";
import { createMemoryRegistry } from "../../src/registry/meeting-registry.js";

const API = "https://api.github.com";
const REPOS = ["wg-a", "wg-b", "wg-c"];
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

const config = (id: string) => `meetings:
  ${id}:
    name: ${id}
    schedule: { timezone: Europe/Berlin, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

test("the event loop turns between one config file's check and the next", async () => {
  const scope = nock(API)
    .get("/installation/repositories")
    .query(true)
    .reply(200, { total_count: REPOS.length, repository_selection: "selected", repositories: REPOS.map((name) => ({ name, owner: { login: "nodejs" } })) })
    .post("/graphql")
    .reply(200, {
      data: Object.fromEntries(REPOS.map((name, index) => [`r${index}`, { name, owner: { login: "nodejs" }, isArchived: false, config: { text: config(name), isTruncated: false } }])),
    });
  const octokit: GitHub = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
  const registry = createMemoryRegistry();
  // The turn of the event loop in which each repository's meetings were recorded.
  let turn = 0;
  let turning = true;
  const countTurns = () => void (turning && (turn++, setImmediate(countTurns)));
  setImmediate(countTurns);
  const recordedIn: number[] = [];
  const setRepoMeetings = registry.setRepoMeetings;
  registry.setRepoMeetings = (...args) => (recordedIn.push(turn), setRepoMeetings(...args));

  const meetings = await discoverMeetings(octokit, 1, registry, log);
  turning = false;

  expect(meetings.map((meeting) => meeting.id)).toEqual(REPOS);
  expect(new Set(recordedIn).size).toBe(REPOS.length);
  expect(scope.pendingMocks()).toEqual([]);
});

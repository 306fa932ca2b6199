import { feedUrl } from "../../src/cli/feed-url.js";
import { StateSigner } from "../../src/publish/state-signer.js";

const KEY = "a state key of the feed-url test, long enough to be one";

function printed(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  return feedUrl(args, { print: (text) => void lines.push(text), log: (text) => void lines.push(text) }, { AGENDA_DRAFTER_STATE_KEY: KEY }).then(() => lines);
}

test("prints the feed's address with the token the app accepts for that repo", async () => {
  const token = StateSigner.fromSecret(KEY).feedToken("nodejs/security-advisories");
  expect(await printed(["nodejs/security-advisories", "--base", "https://meetings.example.org/"])).toEqual([
    `https://meetings.example.org/agenda-drafter/calendar/nodejs/security-advisories.ics?token=${token}`,
  ]);
  expect(StateSigner.fromSecret(KEY).feedToken("NodeJS/Security-Advisories")).toBe(token);
  expect(StateSigner.fromSecret(KEY).feedToken("nodejs/security-wg")).not.toBe(token);
});

test("refuses anything but one owner/repo", async () => {
  await expect(printed(["nodejs"])).rejects.toThrow("give one home repo as owner/repo");
  await expect(printed(["nodejs/a", "nodejs/b"])).rejects.toThrow("give one home repo as owner/repo");
});

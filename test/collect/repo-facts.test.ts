import { hiddenByFacts, mergeRepoFacts, repoFact } from "../../src/collect/repo-facts.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

const now = new Date("2024-03-26T10:00:00Z");
const privatized = repoFact("nodejs/Security-Advisories", false, new Date("2024-03-26T09:00:00Z"));

test("a fact names its repository by a hash, never by its name", () => {
  expect(JSON.stringify(privatized)).not.toMatch(/security-advisories/i);
});

test("the latest fact per repository wins; a repository made public again and facts older than a day go", () => {
  const publicized = repoFact("nodejs/security-advisories", true, new Date("2024-03-26T09:30:00Z"));
  const ancient = repoFact("nodejs/build", false, new Date("2024-03-24T09:00:00Z"));
  const other = repoFact("nodejs/undici", false, new Date("2024-03-26T09:10:00Z"));
  expect(mergeRepoFacts([privatized, ancient], [other], now)).toEqual([privatized, other]);
  expect(mergeRepoFacts([privatized, other], [publicized], now)).toEqual([other]);
});

test("a repository made private is hidden where the visibility rule would not show it", () => {
  const item = { repo: "nodejs/security-advisories" };
  expect(hiddenByFacts(securityWgMeeting(), { private: false }, [privatized])(item)).toBe(true);
  expect(hiddenByFacts(securityWgMeeting(), { private: false }, [privatized])({ repo: "nodejs/node" })).toBe(false);
  expect(hiddenByFacts(securityWgMeeting(), { private: true }, [privatized])(item)).toBe(true);
  // A private home repo that lists it in include_private shows it still.
  const including = securityWgMeeting({ includePrivate: ["nodejs/security-advisories"] });
  expect(hiddenByFacts(including, { private: true }, [privatized])(item)).toBe(false);
});

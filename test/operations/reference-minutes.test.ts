import { readFileSync } from "node:fs";
import { Sandbox } from "@agenda-drafter/github-sandbox";
import { draftOccurrence } from "../../src/operations/draft-occurrence.js";
import { AGENDA_MARKERS } from "../../src/render/agenda-markers.js";

// The generated part of real Node.js minutes, carried here as facts: for each meeting, its
// repository headings in the order the minutes show them, and each heading's item lines as the
// generator wrote them. People edited those files after generation (reordered items within a
// repository, added notes and spaces), so items are compared per heading as sets.
const references = [
  {
    name: "Security WG 2024-03-28 (nodejs/security-wg meetings/2024-03-28.md)",
    snapshot: "security-wg-2024-03-28.yml",
    repo: { owner: "nodejs", repo: "security-wg" },
    date: "2024-03-28",
    extractedLine: "Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.",
    sections: {
      "nodejs/security-wg": [
        "* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)",
        "* Proposed approach for build steps in deps which are not in make node [#1236](https://github.com/nodejs/security-wg/issues/1236)",
        "* Security initiative in December 2023: fuzzing Nodejs: [#1159](https://github.com/nodejs/security-wg/issues/1159)",
        "* Audit build process for dependencies [#1037](https://github.com/nodejs/security-wg/issues/1037)",
        "* Initiative for CII-Best-Practices for Nodejs Projects [#953](https://github.com/nodejs/security-wg/issues/953)",
        "* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)",
      ],
    },
  },
  {
    name: "Security WG 2024-04-25 (nodejs/security-wg meetings/2024-04-25.md)",
    snapshot: "security-wg-2024-04-25.yml",
    repo: { owner: "nodejs", repo: "security-wg" },
    date: "2024-04-25",
    extractedLine: "Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.",
    sections: {
      "nodejs/node": [
        "* Remove --experimental-policy [#52575](https://github.com/nodejs/node/issues/52575)",
        "* tools: change inactive limit to 9 months [#52459](https://github.com/nodejs/node/pull/52459)",
      ],
      "nodejs/security-wg": [
        "* Collaborators Inactivity Policy Review [#1282](https://github.com/nodejs/security-wg/issues/1282)",
        '* Can we have "unsecure" features in Node.js? [#1274](https://github.com/nodejs/security-wg/issues/1274)',
        "* Discuss adding --security-revert to NODE_OPTIONS [#1262](https://github.com/nodejs/security-wg/issues/1262)",
        "* Initiative for CII-Best-Practices for Nodejs Projects [#953](https://github.com/nodejs/security-wg/issues/953)",
        "* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)",
        "* Proposed approach for build steps in deps which are not in make node [#1236](https://github.com/nodejs/security-wg/issues/1236)",
        "* Security initiative in December 2023: fuzzing Nodejs: https://github.com/google/oss-fuzz/tree/master/projects/nodejs [#1159](https://github.com/nodejs/security-wg/issues/1159)",
        "* Audit build process for dependencies [#1037](https://github.com/nodejs/security-wg/issues/1037)",
        "* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)",
      ],
    },
  },
  {
    name: "TSC 2024-03-27 (nodejs/TSC meetings/2024-03-27.md)",
    snapshot: "tsc-2024-03-27.yml",
    repo: { owner: "nodejs", repo: "TSC" },
    date: "2024-03-27",
    extractedLine: "Extracted from **tsc-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.",
    sections: {
      "nodejs/node": [
        "* doc: add policy for “placeholder” executables [#52107](https://github.com/nodejs/node/pull/52107)",
        "* deps: remove corepack [#51981](https://github.com/nodejs/node/pull/51981)",
        "* build: enable `yarn` and `pnpm` Corepack binaries by default [#51886](https://github.com/nodejs/node/pull/51886)",
      ],
      "nodejs/nodejs.org": [
        "* Redesign suggests all versions of Node.js include corepack [#6441](https://github.com/nodejs/nodejs.org/issues/6441)",
      ],
      "nodejs/TSC": ["* Corepack decisions [#1518](https://github.com/nodejs/TSC/issues/1518)"],
      "nodejs/admin": ["* Events / Collaborator Summits for 2024 [#814](https://github.com/nodejs/admin/issues/814)"],
      "nodejs/corepack": ["* fix: remove npm [#418](https://github.com/nodejs/corepack/pull/418)"],
    },
  },
];

/** `### owner/repo` headings of a Markdown text, each with the item lines (`* ... [#n](url)`) under it. */
function sectionsOf(markdown: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of markdown.split("\n")) {
    const heading = /^### ([\w.-]+\/[\w.-]+)$/.exec(line);
    if (heading) sections.set(heading[1]!, (current = []));
    else if (/^#{1,3} /.test(line)) current = undefined;
    else if (current && /^\* .*\[#\d+\]\(https:\/\/github\.com\/[^)]+\)$/.test(line)) current.push(line);
  }
  return sections;
}

describe.each(references)("$name", (reference) => {
  const sandbox = Sandbox.fromSnapshot(readFileSync(new URL(`../fixtures/reference/${reference.snapshot}`, import.meta.url), "utf8"));
  const draft = draftOccurrence(sandbox.octokit(), { repo: reference.repo, date: reference.date, now: sandbox.clock.now() });

  test.each(["minutesBody", "issueBody"] as const)("%s has the reference's repository headings and items", async (body) => {
    // In the issue, the agenda is the block between the app's markers ("Observers/Guests" is a heading too).
    // The app writes a zero-width space where GitHub would link a URL in a title (the generator did not).
    const text = (await draft).rendered[body].replace(/\u200B/g, "");
    const sections = sectionsOf(body === "issueBody" ? text.slice(text.indexOf(AGENDA_MARKERS.start), text.indexOf(AGENDA_MARKERS.end)) : text);
    expect([...sections.keys()]).toEqual(Object.keys(reference.sections));
    for (const [repo, lines] of Object.entries(reference.sections)) {
      expect(new Set(sections.get(repo))).toEqual(new Set(lines));
    }
  });

  test("within a repository, items run newest first", async () => {
    for (const group of (await draft).agenda.groups) {
      const numbers = group.items.map((item) => item.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    }
  });

  test("the minutes say where the items come from", async () => {
    const { minutesBody, minutesPath } = (await draft).rendered;
    expect(minutesBody).toContain(reference.extractedLine);
    expect(minutesPath).toBe(`meetings/${reference.date}.md`);
  });

  test("no distractor leaks: closed, unlabelled, other label, private repository, other org", async () => {
    const { issueBody, minutesBody } = (await draft).rendered;
    for (const text of [issueBody, minutesBody]) {
      expect(text).not.toMatch(/security-private|Release|Embargoed|Private release|Another org|cross-project-council|parseargs|expressjs/);
      expect(text).not.toMatch(/Threat model review|kept its label|Update the onboarding doc|TSC item|An item for the TSC|Security item/);
    }
  });
});

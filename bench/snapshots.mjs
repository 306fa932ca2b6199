// The orgs the performance bench runs on, as sandbox snapshots: R repositories in one org, N
// labelled items spread over them, and home repos declaring meetings whose scope is the org.

export const ORG = "acme";
export const INSTALLATION_ID = 4200;
export const COLLECT_NS = [10, 100, 1_000, 10_000];
// A label without a description would break the OpenAPI description of `pulls.list`, which wants a string.
export const LABEL_COLOR = { color: "5319e7", description: "bench" };

/** The label that `n` items carry: `n100` is on the first 100 items, and so on. */
export const labelFor = (n) => `n${n}`;

const SCHEDULE = (day) => `{ timezone: UTC, start: "2030-01-${String(day).padStart(2, "0")}T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }`;

function repoName(index) {
  return `repo-${String(index).padStart(4, "0")}`;
}

/**
 * An org of `repos` repositories holding `items` issues and pull requests, item i in repository
 * i mod R, carrying the labels of every N it counts for; `home` declares one meeting per N.
 */
export function collectionSnapshot({ repos, items, now }) {
  const labels = Object.fromEntries(COLLECT_NS.map((n) => [labelFor(n), LABEL_COLOR]));
  const records = {};
  for (let index = 0; index < repos; index++) records[repoName(index)] = { labels, issues: [] };
  for (let index = 0; index < items; index++) {
    const issue = {
      number: 1 + Math.floor(index / repos),
      title: `Item ${index}: keep the agenda short`,
      labels: COLLECT_NS.filter((n) => index < n).map(labelFor),
      author: "maria",
      created_at: "2029-12-01T10:00:00Z",
      ...(index % 5 === 0 && { pull_request: true }),
    };
    records[repoName(index % repos)].issues.push(issue);
  }
  const meetings = COLLECT_NS.map((n) => `  m${n}:\n    name: M${n}\n    agenda_labels: [${labelFor(n)}]\n    scope: { orgs: [${ORG}] }\n    minutes: { path: "meetings/m${n}/{{date}}.md" }\n    schedule: ${SCHEDULE(3)}\n`).join("");
  records.home = { labels: { meeting: LABEL_COLOR }, files: { ".github/agenda-drafter.yml": `meetings:\n${meetings}` } };
  return snapshot(records, now);
}

/**
 * An org of `repos` repositories, `meetings` of them home repos of one meeting each, every meeting
 * on the same biweekly schedule starting `start`, its scope the org.
 */
export function ticksSnapshot({ repos, meetings, now, start }) {
  const records = {};
  for (let index = 0; index < repos - meetings; index++) records[repoName(index)] = { files: { "README.md": "# repo\n" } };
  for (let index = 0; index < meetings; index++) {
    const id = `wg-${String(index).padStart(2, "0")}`;
    records[id] = {
      labels: { [`${id}-agenda`]: LABEL_COLOR, meeting: LABEL_COLOR },
      files: {
        ".github/agenda-drafter.yml": `meetings:\n  ${id}:\n    name: WG ${index}\n    scope: { orgs: [${ORG}] }\n    lead_time: 3d\n    minutes: { open: on_command }\n    schedule: { timezone: UTC, start: "${start}", rrule: "FREQ=WEEKLY;INTERVAL=2" }\n`,
      },
    };
  }
  return snapshot(records, now);
}

/** One home repo and `repos` repositories whose items people label for its meeting during the storm. */
export function stormSnapshot({ repos, itemsPerRepo, now, start }) {
  const records = {};
  for (let index = 0; index < repos; index++) {
    records[repoName(index)] = {
      labels: { "storm-agenda": LABEL_COLOR },
      issues: Array.from({ length: itemsPerRepo }, (_, item) => ({ number: item + 1, title: `Storm item ${index}/${item}`, author: "maria", created_at: "2029-12-01T10:00:00Z" })),
    };
  }
  records.home = {
    labels: { meeting: LABEL_COLOR, "storm-agenda": LABEL_COLOR },
    files: {
      ".github/agenda-drafter.yml": `meetings:\n  storm:\n    name: Storm\n    scope: { orgs: [${ORG}] }\n    lead_time: 3d\n    schedule: { timezone: UTC, start: "${start}", rrule: "FREQ=WEEKLY;INTERVAL=2" }\n`,
    },
  };
  return snapshot(records, now);
}

export const itemRepo = repoName;

function snapshot(repos, now) {
  // JSON, which is YAML: the sandbox reads it many times faster than YAML for 10,000 items.
  return JSON.stringify({
    now,
    users: { maria: { name: "Maria" } },
    orgs: { [ORG]: { owners: ["maria"], members: ["maria"], repos } },
    installations: [{ id: INSTALLATION_ID, account: ORG, repositories: "all" }],
  });
}

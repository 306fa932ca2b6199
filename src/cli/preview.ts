import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ProbotOctokit } from "probot";
import { pinApiVersion, type GitHub, type RepoRef } from "../github.js";
import { bindSearchToken } from "../collect/search-dialect.js";
import { UserError } from "../errors.js";
import { formatProblem } from "../config/problem.js";
import { draftOccurrence, type Draft } from "../operations/draft-occurrence.js";
import { loadSandbox } from "./load-sandbox.js";
import { previewFailure } from "./preview-failure.js";
import type { Output } from "./output.js";
import { previewUsage } from "./usages.js";

/**
 * `agenda-drafter preview`. Tests hand in their own Probot Octokit class, with throttling queues
 * that keep production's shape without its seconds between searches.
 */
export async function preview(args: string[], output: Output, Octokit: typeof ProbotOctokit = ProbotOctokit): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      repo: { type: "string" },
      meeting: { type: "string" },
      date: { type: "string" },
      json: { type: "boolean", default: false },
      sandbox: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.repo) throw new UserError(`--repo OWNER/NAME is required.\n\n${previewUsage}`);
  const repo = parseRepo(values.repo);
  const { octokit, now, github } = values.sandbox ? await sandboxClient(values.sandbox) : gitHubClient(Octokit);

  let draft: Draft;
  try {
    draft = await draftOccurrence(octokit, { repo, meetingId: values.meeting, date: values.date, now });
  } catch (error) {
    throw previewFailure(error, github);
  }
  for (const problem of draft.problems) output.log(formatProblem(problem));
  output.log(
    `Drafted ${draft.meeting.id} ${draft.occurrence.date} from ${draft.searchRequests} search request(s); ${draft.agenda.groups.reduce((n, g) => n + g.items.length, 0)} item(s).`,
  );
  if (draft.truncated) output.log("Warning: GitHub search returned its maximum of 1,000 results; the agenda is cut.");
  output.print(values.json ? JSON.stringify(previewJson(draft), null, 2) : previewText(draft));
}

function previewJson(draft: Draft) {
  return {
    meeting: draft.meeting.id,
    date: draft.occurrence.date,
    start: draft.occurrence.start,
    issue: { title: draft.rendered.title, body: draft.issueBody },
    minutes: { path: draft.rendered.minutesPath, body: draft.rendered.minutesBody },
    agenda: draft.agenda.groups.flatMap((group) =>
      group.items.map((item) => ({ repo: item.repo, number: item.number, title: item.title, url: item.url, kind: item.kind })),
    ),
  };
}

function previewText(draft: Draft): string {
  const rule = "-".repeat(72);
  return [
    `Title: ${draft.rendered.title}`,
    rule,
    "Meeting issue body:",
    rule,
    draft.issueBody,
    rule,
    `Minutes (${draft.rendered.minutesPath}):`,
    rule,
    draft.rendered.minutesBody,
  ].join("\n");
}

export function parseRepo(text: string): RepoRef {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(text);
  if (!match) throw new UserError(`--repo must be OWNER/NAME, got "${text}".`);
  return { owner: match[1]!, repo: match[2]! };
}

interface Client {
  octokit: GitHub;
  now: Date;
  /** The GitHub it talks to, as its messages name it. */
  github: string;
}

async function sandboxClient(file: string): Promise<Client> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UserError(`Cannot read the snapshot ${file}: ${(error as Error).message}`);
  }
  const { Sandbox } = await loadSandbox();
  let sandbox: InstanceType<typeof Sandbox>;
  try {
    sandbox = Sandbox.fromSnapshot(text, file);
  } catch (error) {
    // The sandbox names the file and the place; YAML's code frame below that is left out, to keep one line.
    const [first = ""] = (error as Error).message.split("\n");
    throw new UserError(`Cannot load the snapshot: ${first.replace(/:$/, "")}.`);
  }
  return { octokit: sandbox.octokit(), now: sandbox.clock.now(), github: `the sandbox GitHub of ${file}` };
}

function gitHubClient(Octokit: typeof ProbotOctokit, env: NodeJS.ProcessEnv = process.env): Client {
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UserError("Set GITHUB_TOKEN to preview from GitHub, or pass --sandbox SNAPSHOT.yml.");
  const baseUrl = apiUrl(env);
  const octokit: GitHub = new Octokit({
    auth: { token },
    ...(baseUrl !== undefined && { baseUrl }),
    // A person waits at the terminal: one retry of a failed request, not three.
    retry: { retries: 1 },
  });
  return { octokit: bindSearchToken(pinApiVersion(octokit), token), now: new Date(), github: `GitHub at ${baseUrl ?? "https://api.github.com"}` };
}

/** GitHub Enterprise Server's REST API, as Actions (GITHUB_API_URL) or Probot (GHE_HOST, GHE_PROTOCOL) name it. */
function apiUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.GITHUB_API_URL || (env.GHE_HOST ? `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}/api/v3` : undefined);
  if (url !== undefined && !URL.canParse(url)) {
    throw new UserError(`${env.GITHUB_API_URL ? "GITHUB_API_URL" : "GHE_HOST"} gives "${url}", which is not a URL.`);
  }
  return url?.replace(/\/+$/, "");
}

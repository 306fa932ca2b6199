import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ProbotOctokit } from "probot";
import type { GitHub, RepoRef } from "../github.js";
import { UserError } from "../errors.js";
import { draftOccurrence, type Draft } from "../operations/draft-occurrence.js";
import { loadSandbox } from "./load-sandbox.js";
import type { Output } from "./output.js";
import { previewUsage } from "./usages.js";

export async function preview(args: string[], output: Output): Promise<void> {
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
  const { octokit, now } = values.sandbox ? await sandboxClient(values.sandbox) : gitHubClient();

  const draft = await draftOccurrence(octokit, { repo, meetingId: values.meeting, date: values.date, now });
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

async function sandboxClient(file: string): Promise<{ octokit: GitHub; now: Date }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UserError(`Cannot read the snapshot ${file}: ${(error as Error).message}`);
  }
  const { Sandbox } = await loadSandbox();
  const sandbox = Sandbox.fromSnapshot(text, file);
  return { octokit: sandbox.octokit(), now: sandbox.clock.now() };
}

function gitHubClient(): { octokit: GitHub; now: Date } {
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new UserError("Set GITHUB_TOKEN to preview from GitHub, or pass --sandbox SNAPSHOT.yml.");
  const octokit: GitHub = new ProbotOctokit({
    auth: { token },
    ...(apiBaseUrl(process.env) && { baseUrl: apiBaseUrl(process.env) }),
  });
  return { octokit, now: new Date() };
}

/** GitHub Enterprise Server's REST root: `GITHUB_API_URL` as Actions sets it, else from `GHE_HOST` (and `GHE_PROTOCOL`) as Probot reads them. */
export function apiBaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_API_URL) return env.GITHUB_API_URL;
  return env.GHE_HOST ? `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}/api/v3` : undefined;
}

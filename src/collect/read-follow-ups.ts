import { statusOf, type GitHub, type RepoRef } from "../github.js";
import type { FollowUp, FollowUps } from "../model.js";
import { parseFollowUps } from "./parse-follow-ups.js";

/** How many follow-ups the agenda lists; the rest it counts, and the minutes hold them. */
export const MAX_FOLLOW_UPS = 30;
/** How long one follow-up's text may be before it is cut (with `…`), in characters. */
export const MAX_FOLLOW_UP_CHARS = 300;

/**
 * The follow-ups of the minutes file at `path` on the home repo's default branch, the minutes of
 * the occurrence of `date`: one read. Undefined when the file is not there (its minutes are not
 * merged yet) or holds none. The home repo is where the meeting issue is, so the minutes are
 * exactly as visible as the issue that shows what they say.
 */
export async function readFollowUps(octokit: GitHub, home: RepoRef, path: string, date: string): Promise<FollowUps | undefined> {
  const file = await readFile(octokit, home, path);
  if (!file) return undefined;
  const found = parseFollowUps(file.text);
  if (found.length === 0) return undefined;
  const items = found.slice(0, MAX_FOLLOW_UPS).map(bounded);
  return { date, url: file.url, items, more: found.length - items.length };
}

async function readFile(octokit: GitHub, home: RepoRef, path: string): Promise<{ text: string; url: string } | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner: home.owner, repo: home.repo, path });
    // A folder, a link, or a file over 1 MB, whose content GitHub leaves out: no minutes to read.
    if (Array.isArray(data) || data.type !== "file" || data.encoding !== "base64" || !data.html_url) return undefined;
    return { text: Buffer.from(data.content, "base64").toString("utf8"), url: data.html_url };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

function bounded(followUp: FollowUp): FollowUp {
  const characters = [...followUp.text];
  if (characters.length <= MAX_FOLLOW_UP_CHARS) return followUp;
  return { ...followUp, text: `${characters.slice(0, MAX_FOLLOW_UP_CHARS - 1).join("").trimEnd()}…` };
}

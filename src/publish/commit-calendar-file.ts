import { ifFound, type GitHub, type RepoRef } from "../github.js";
import type { Log } from "../log.js";
import { NOT_RETRIED, writeOnce } from "./write-once.js";

/**
 * The largest feed committed: GitHub's contents API returns a file's text in one answer only up
 * to 1 MB, and a feed the app cannot read back it could not compare before writing.
 */
export const MAX_CALENDAR_FILE_BYTES = 1_000_000;

export type CalendarFileOutcome = "unchanged" | "written" | "too-large" | "dry-run";

/**
 * Commits the home repo's feed at `path` on its default branch, only when its text changed. The
 * write names the blob it replaces (`sha`), so a concurrent change fails it rather than being
 * overwritten; an answer lost after the write is recognised by reading the file again.
 */
export async function commitCalendarFile(
  octokit: GitHub,
  home: RepoRef,
  file: { path: string; text: string },
  options: { dryRun: boolean; log: Log },
): Promise<CalendarFileOutcome> {
  const where = `${home.owner}/${home.repo}:${file.path}`;
  if (Buffer.byteLength(file.text, "utf8") > MAX_CALENDAR_FILE_BYTES) {
    options.log.warn(`${where}: the calendar is larger than ${MAX_CALENDAR_FILE_BYTES} bytes and is not committed`);
    return "too-large";
  }
  const current = await readFile(octokit, home, file.path);
  if (current?.text === file.text) return "unchanged";
  if (options.dryRun) {
    options.log.info(`dry run: would commit the calendar to ${where}`);
    return "dry-run";
  }
  await writeOnce<true>(
    async () => {
      await octokit.rest.repos.createOrUpdateFileContents({
        ...home,
        path: file.path,
        message: "agenda-drafter: update the meetings calendar",
        content: Buffer.from(file.text, "utf8").toString("base64"),
        ...(current && { sha: current.sha }),
        request: NOT_RETRIED,
      });
      return true;
    },
    async () => ((await readFile(octokit, home, file.path))?.text === file.text ? true : undefined),
  );
  return "written";
}

async function readFile(octokit: GitHub, home: RepoRef, path: string): Promise<{ text: string; sha: string } | undefined> {
  const found = await ifFound(octokit.rest.repos.getContent({ ...home, path }));
  if (!found || Array.isArray(found.data) || found.data.type !== "file") return undefined;
  return { text: Buffer.from(found.data.content, "base64").toString("utf8"), sha: found.data.sha };
}

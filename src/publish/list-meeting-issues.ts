import type { GitHub } from "../github.js";
import type { Meeting } from "../model.js";
import { parseBody, type ParsedBody } from "./issue-body.js";

export interface MeetingIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  body: string;
  labels: string[];
  parsed: ParsedBody;
}

/**
 * The home repo's issues (open and closed) with the meeting's first issue label, oldest first.
 * The app tells its issues apart by their marker (`parsed.marker`), never by title, and lists
 * through the REST API, which sees a new issue at once, where search lags.
 */
export async function listMeetingIssues(octokit: GitHub, meeting: Meeting): Promise<MeetingIssue[]> {
  const label = meeting.issue.labels[0];
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: meeting.home.owner,
    repo: meeting.home.repo,
    state: "all",
    ...(label !== undefined && { labels: label }),
    sort: "created",
    direction: "asc",
    per_page: 100,
  });
  return issues
    .filter((issue) => issue.pull_request === undefined)
    .map((issue) => ({
      number: issue.number,
      title: issue.title,
      state: issue.state === "closed" ? "closed" : "open",
      body: issue.body ?? "",
      labels: issue.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
      parsed: parseBody(issue.body),
    }));
}

/** The issues whose marker names this occurrence of the meeting, oldest first. */
export function issuesOfOccurrence(issues: MeetingIssue[], meetingId: string, occurrenceKey: string): MeetingIssue[] {
  return issues.filter(
    (issue) => issue.parsed.marker?.meeting === meetingId && issue.parsed.marker.occurrence === occurrenceKey,
  );
}

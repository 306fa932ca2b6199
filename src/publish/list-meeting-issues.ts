import type { GitHub } from "../github.js";
import { ifFound } from "../github.js";
import type { Meeting } from "../model.js";
import { readClaim, type ClaimState, type RecordedClaims } from "./claim-occurrence.js";
import { parseBody, type ParsedBody } from "./issue-body.js";
import { stateSeal } from "./state-signer.js";

export interface MeetingIssue {
  number: number;
  /** Its page on GitHub. */
  url: string;
  title: string;
  state: "open" | "closed";
  body: string;
  labels: string[];
  /** Who opened it: the app's own duplicates are told apart from people's copies by it. */
  author: { login: string; type: string } | undefined;
  /** Its state only when the app signed it for this issue. */
  parsed: ParsedBody;
}

/**
 * A meeting's issues as the app reads them once per refresh or tick: the listing, and the issue
 * each occurrence's claim ref records. The claim, not the marker, says which issue is an
 * occurrence's: anyone may open an issue with a copy of the marker. Each claim is read once.
 */
export interface MeetingIssues {
  /** The home repo's issues (open and closed) with the meeting's first issue label, oldest first. */
  all: MeetingIssue[];
  claim(occurrenceKey: string): Promise<ClaimState>;
  /** The issue the occurrence's claim records, listed or not; undefined when there is none. */
  claimed(occurrenceKey: string): Promise<MeetingIssue | undefined>;
}

type ListedIssue = Awaited<ReturnType<GitHub["rest"]["issues"]["get"]>>["data"];

/**
 * Lists through the REST API, which sees a new issue at once, where search lags; never by title.
 * `recorded` keeps the claims that record an issue from one call to the next.
 */
export async function readMeetingIssues(octokit: GitHub, meeting: Meeting, recorded?: RecordedClaims): Promise<MeetingIssues> {
  const all = await listMeetingIssues(octokit, meeting);
  const claims = new Map<string, Promise<ClaimState>>();
  const claim = (occurrenceKey: string) => {
    let read = claims.get(occurrenceKey);
    if (!read) {
      const target = { home: meeting.home, meetingId: meeting.id, occurrenceKey };
      read = recorded ? recorded.read(octokit, target) : readClaim(octokit, target);
      claims.set(occurrenceKey, read);
    }
    return read;
  };
  return {
    all,
    claim,
    async claimed(occurrenceKey) {
      const recorded = await claim(occurrenceKey);
      if (recorded.kind !== "issue") return undefined;
      const listed = all.find((issue) => issue.number === recorded.issueNumber);
      if (listed) return listed;
      const found = await ifFound(octokit.rest.issues.get({ ...meeting.home, issue_number: recorded.issueNumber }));
      return found && found.data.pull_request === undefined ? toMeetingIssue(octokit, meeting, found.data) : undefined;
    },
  };
}

async function listMeetingIssues(octokit: GitHub, meeting: Meeting): Promise<MeetingIssue[]> {
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
  return issues.filter((issue) => issue.pull_request === undefined).map((issue) => toMeetingIssue(octokit, meeting, issue as ListedIssue));
}

function toMeetingIssue(octokit: GitHub, meeting: Meeting, issue: ListedIssue): MeetingIssue {
  return {
    number: issue.number,
    url: issue.html_url,
    title: issue.title,
    state: issue.state === "closed" ? "closed" : "open",
    body: issue.body ?? "",
    labels: issue.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
    author: issue.user ? { login: issue.user.login, type: issue.user.type } : undefined,
    parsed: parseBody(issue.body, stateSeal(octokit, meeting.home, issue.number)),
  };
}

/**
 * Other issues with the occurrence's marker that the bot who opened `claimed` opened too: what a
 * retried creation left behind. People's issues with a copied marker are never among them.
 */
export function duplicatesOf(all: MeetingIssue[], claimed: MeetingIssue, meetingId: string, occurrenceKey: string): MeetingIssue[] {
  const author = claimed.author;
  if (author?.type !== "Bot") return [];
  return all.filter(
    (issue) =>
      issue.number !== claimed.number &&
      issue.author?.login === author.login &&
      issue.parsed.marker?.meeting === meetingId &&
      issue.parsed.marker.occurrence === occurrenceKey,
  );
}

import type { Context } from "probot";
import { onDiscussionEvent } from "../../src/app/on-discussion-event.js";
import type { Runtime } from "../../src/app/runtime.js";
import type { Meeting } from "../../src/model.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

// A discussion webhook refreshes the meetings that take discussions, in whose scope it is, and
// whose agenda label it bears or just lost; the others are left alone.

function refreshedBy(payload: Record<string, unknown>, meetings: Meeting[]): Promise<string[]> {
  const refreshed: string[] = [];
  const runtime = {
    ensureDiscovered: async () => undefined,
    registry: { meetings: async () => meetings },
    refresh: (_installation: number, meeting: Meeting) => refreshed.push(meeting.id),
    now: () => new Date("2024-03-26T09:00:00Z"),
  } as unknown as Runtime;
  const context = { payload: { installation: { id: 1 }, repository: { full_name: "nodejs/node" }, ...payload }, octokit: {} } as unknown as Context<"discussion">;
  return onDiscussionEvent(runtime, context).then(() => refreshed);
}

const withDiscussions = securityWgMeeting({ id: "with", sources: { discussions: { categories: [] } } });
const without = securityWgMeeting({ id: "without" });
const elsewhere = securityWgMeeting({ id: "elsewhere", scope: { orgs: ["expressjs"], repos: [] }, sources: { discussions: { categories: [] } } });

test("a labelled discussion refreshes the meetings that take discussions in its scope", async () => {
  const discussion = { number: 7, state: "open", labels: [{ name: "security-wg-agenda" }] };
  expect(await refreshedBy({ action: "labeled", discussion, label: { name: "security-wg-agenda" } }, [withDiscussions, without, elsewhere])).toEqual(["with"]);
});

test("losing the agenda label refreshes; a discussion without it does not", async () => {
  const discussion = { number: 7, state: "open", labels: [] };
  expect(await refreshedBy({ action: "unlabeled", discussion, label: { name: "security-wg-agenda" } }, [withDiscussions])).toEqual(["with"]);
  expect(await refreshedBy({ action: "edited", discussion }, [withDiscussions])).toEqual([]);
});

test("an edit of a labelled discussion's body changes no agenda and refreshes nothing; a title edit does", async () => {
  const discussion = { number: 7, state: "open", labels: [{ name: "security-wg-agenda" }] };
  expect(await refreshedBy({ action: "edited", discussion, changes: { body: { from: "before" } } }, [withDiscussions])).toEqual([]);
  expect(await refreshedBy({ action: "edited", discussion, changes: { title: { from: "before" } } }, [withDiscussions])).toEqual(["with"]);
});

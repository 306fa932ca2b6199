import type { GitHub } from "../../src/github.js";
import { MAX_FOLLOW_UP_CHARS, MAX_FOLLOW_UPS, readFollowUps } from "../../src/collect/read-follow-ups.js";

const HOME = { owner: "nodejs", repo: "security-wg" };
const HTML = "https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-14.md";

/** A client whose one answer to reading a file is `answer`: the file's data, or an error status. */
function client(answer: Record<string, unknown> | number): { octokit: GitHub; reads: unknown[] } {
  const reads: unknown[] = [];
  const getContent = async (params: unknown) => {
    reads.push(params);
    if (typeof answer === "number") throw Object.assign(new Error("failed"), { status: answer });
    return { data: answer };
  };
  return { octokit: { rest: { repos: { getContent } } } as unknown as GitHub, reads };
}

function file(text: string) {
  return { type: "file", encoding: "base64", content: Buffer.from(text).toString("base64"), html_url: HTML };
}

test("one read of the file on the default branch; as many follow-ups as the agenda shows, each of bounded length", async () => {
  const long = "x".repeat(MAX_FOLLOW_UP_CHARS + 50);
  const { octokit, reads } = client(file([`ACTION: ${long}`, ...Array.from({ length: MAX_FOLLOW_UPS + 4 }, (_, index) => `- [ ] task ${index}`)].join("\n")));
  const followUps = await readFollowUps(octokit, HOME, "meetings/2024-03-14.md", "2024-03-14");
  expect(reads).toEqual([{ ...HOME, path: "meetings/2024-03-14.md" }]);
  expect(followUps?.items).toHaveLength(MAX_FOLLOW_UPS);
  expect(followUps?.more).toBe(5);
  expect([...(followUps?.items[0]?.text ?? "")]).toHaveLength(MAX_FOLLOW_UP_CHARS);
  expect(followUps?.items[0]?.text.endsWith("x…")).toBe(true);
  expect(followUps?.items[1]).toEqual({ text: "task 0", line: 2 });
  expect({ date: followUps?.date, url: followUps?.url }).toEqual({ date: "2024-03-14", url: HTML });
});

test("no minutes merged yet, a folder, a file too large for its content to come, or no action items: none", async () => {
  for (const answer of [404, [], { ...file("x"), encoding: "none", content: "" }, file("# Minutes\n\n- [x] done\n")]) {
    expect(await readFollowUps(client(answer as Record<string, unknown>).octokit, HOME, "m.md", "2024-03-14")).toBeUndefined();
  }
});

test("another failure is the refresh's, to try again", async () => {
  await expect(readFollowUps(client(502).octokit, HOME, "m.md", "2024-03-14")).rejects.toMatchObject({ status: 502 });
});

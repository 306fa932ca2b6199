import type { SandboxEvent } from "../src/events.js";
import { Sandbox } from "../src/sandbox.js";
import { NODEJS_SNAPSHOT } from "./fixtures/nodejs-snapshot.js";

const repo = { owner: "nodejs", repo: "security-wg" };
let sandbox: Sandbox;
let app: ReturnType<Sandbox["octokit"]>;
let events: string[];

beforeEach(() => {
  sandbox = Sandbox.fromSnapshot(NODEJS_SNAPSHOT);
  sandbox.clock.set(new Date("2024-03-28T17:00:00Z"));
  app = sandbox.octokit();
  events = [];
  sandbox.onEvent((event: SandboxEvent) => events.push(describeEvent(event)));
});

function describeEvent(event: SandboxEvent): string {
  if (event.name === "push") return `push ${event.ref} ${event.before.slice(0, 7)}..${event.after.slice(0, 7)}`;
  if (event.name === "create" || event.name === "delete") return `${event.name} ${event.refType} ${event.ref}`;
  return `${event.name}.${"action" in event ? event.action : ""}`;
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  return promise.then(
    () => 200,
    (error: { status: number }) => error.status,
  );
}

async function refusal(promise: Promise<unknown>): Promise<[number, string]> {
  return promise.then(
    () => [200, ""],
    (error: { status: number; response?: { data?: { message?: string } } }) => [error.status, error.response?.data?.message ?? ""],
  );
}

test("builds a commit from a blob, a tree on a base tree and a commit, then moves a branch to it", async () => {
  const { data: main } = await app.rest.git.getRef({ ...repo, ref: "heads/main" });
  const { data: tip } = await app.rest.git.getCommit({ ...repo, commit_sha: main.object.sha });
  expect(tip).toMatchObject({ message: "Initial commit", parents: [], verification: { verified: false, reason: "unsigned" } });

  const { data: blob } = await app.rest.git.createBlob({ ...repo, content: Buffer.from("# Minutes\n").toString("base64"), encoding: "base64" });
  const { data: tree } = await app.rest.git.createTree({
    ...repo,
    base_tree: tip.tree.sha,
    tree: [
      { path: "meetings/2024-03-28.md", mode: "100644", type: "blob", sha: blob.sha },
      { path: "README.md", mode: "100644", type: "blob", sha: null },
    ],
  });
  const { data: commit } = await app.rest.git.createCommit({ ...repo, message: "Minutes of 2024-03-28", tree: tree.sha, parents: [tip.sha] });
  expect(commit).toMatchObject({
    author: { name: "agenda-drafter[bot]", email: expect.stringMatching(/^\d+\+agenda-drafter\[bot\]@users\.noreply\.github\.com$/), date: "2024-03-28T17:00:00Z" },
    parents: [{ sha: tip.sha }],
  });
  const { data: read } = await app.rest.git.getTree({ ...repo, tree_sha: commit.tree.sha, recursive: "1" });
  expect(read.tree.map((entry) => `${entry.type} ${entry.path}`)).toEqual([
    "tree .github",
    "blob .github/agenda-drafter.yml",
    "tree meetings",
    "blob meetings/2024-03-14.md",
    "blob meetings/2024-03-28.md",
  ]);
  const { data: readBlob } = await app.rest.git.getBlob({ ...repo, file_sha: blob.sha });
  expect(Buffer.from(readBlob.content, "base64").toString()).toBe("# Minutes\n");

  await app.rest.git.createRef({ ...repo, ref: "refs/heads/minutes-2024-03-28", sha: commit.sha });
  expect(events).toEqual([`create branch minutes-2024-03-28`, `push refs/heads/minutes-2024-03-28 0000000..${commit.sha.slice(0, 7)}`]);
  const { data: matching } = await app.rest.git.listMatchingRefs({ ...repo, ref: "heads/minutes-" });
  expect(matching.map((ref) => ref.ref)).toEqual(["refs/heads/minutes-2024-03-28"]);

  const { data: full } = await app.rest.repos.getCommit({ ...repo, ref: "minutes-2024-03-28" });
  expect(full.files?.map((file) => `${file.status} ${file.filename} +${file.additions} -${file.deletions}`)).toEqual([
    "removed README.md +0 -1",
    "added meetings/2024-03-28.md +1 -0",
  ]);
  const { data: branch } = await app.rest.repos.getBranch({ ...repo, branch: "minutes-2024-03-28" });
  expect(branch).toMatchObject({ name: "minutes-2024-03-28", protected: false, commit: { sha: commit.sha } });
});

test("refs: GitHub's refusals for an existing ref, a fast-forward that is not one, and a missing ref", async () => {
  const { data: main } = await app.rest.git.getRef({ ...repo, ref: "heads/main" });
  const { data: tip } = await app.rest.git.getCommit({ ...repo, commit_sha: main.object.sha });
  const { data: claim } = await app.rest.git.createCommit({ ...repo, message: "agenda-drafter: claim security-wg 2024-03-28", tree: tip.tree.sha, parents: [] });
  const ref = "refs/agenda-drafter/security-wg/2024-03-28";
  await app.rest.git.createRef({ ...repo, ref, sha: claim.sha });
  expect(await refusal(app.rest.git.createRef({ ...repo, ref, sha: claim.sha }))).toEqual([422, "Reference already exists"]);
  expect(events).toEqual([]);

  const { data: unrelated } = await app.rest.git.createCommit({ ...repo, message: "another claim", tree: tip.tree.sha, parents: [] });
  const claimRef = "agenda-drafter/security-wg/2024-03-28";
  expect(await refusal(app.rest.git.updateRef({ ...repo, ref: claimRef, sha: unrelated.sha, force: false }))).toEqual([422, "Update is not a fast forward"]);
  const { data: next } = await app.rest.git.createCommit({ ...repo, message: "is #1301", tree: tip.tree.sha, parents: [claim.sha] });
  expect((await app.rest.git.updateRef({ ...repo, ref: claimRef, sha: next.sha })).data.object.sha).toBe(next.sha);
  expect((await app.rest.git.updateRef({ ...repo, ref: claimRef, sha: unrelated.sha, force: true })).data.object.sha).toBe(unrelated.sha);

  await app.rest.git.deleteRef({ ...repo, ref: claimRef });
  expect(await statusOf(app.rest.git.getRef({ ...repo, ref: claimRef }))).toBe(404);
  expect(await refusal(app.rest.git.deleteRef({ ...repo, ref: claimRef }))).toEqual([422, "Reference does not exist"]);
  expect(await refusal(app.rest.git.createCommit({ ...repo, message: "x", tree: "0".repeat(40) }))).toEqual([422, "Tree SHA does not exist"]);
});

test("contents: creates and updates files with real commits and pushes; checks the sha the caller last saw", async () => {
  const path = "meetings/2024-03-28.md";
  const content = (text: string) => Buffer.from(text).toString("base64");
  const { data: created, status } = await app.rest.repos.createOrUpdateFileContents({ ...repo, path, message: "Minutes of 2024-03-28", content: content("# Minutes\n") });
  expect(status).toBe(201);
  expect(created.content).toMatchObject({ path, name: "2024-03-28.md", type: "file" });

  expect(await refusal(app.rest.repos.createOrUpdateFileContents({ ...repo, path, message: "again", content: content("# Other\n") }))).toEqual([
    422,
    'Invalid request.\n\n"sha" wasn\'t supplied.',
  ]);
  expect(await statusOf(app.rest.repos.createOrUpdateFileContents({ ...repo, path, message: "stale", content: content("# Other\n"), sha: "a".repeat(40) }))).toBe(409);

  const sha = created.content?.sha as string;
  const { status: updated } = await app.rest.repos.createOrUpdateFileContents({ ...repo, path, message: "Fix a typo", content: content("# Minutes!\n"), sha });
  expect(updated).toBe(200);
  const { data: file } = await app.rest.repos.getContent({ ...repo, path });
  expect(Buffer.from((file as { content: string }).content, "base64").toString()).toBe("# Minutes!\n");

  const { data: current } = await app.rest.repos.getContent({ ...repo, path });
  const { data: deleted } = await app.rest.repos.deleteFile({ ...repo, path, message: "Remove the minutes", sha: (current as { sha: string }).sha });
  expect(deleted.content).toBeNull();
  expect(await statusOf(app.rest.repos.getContent({ ...repo, path }))).toBe(404);

  const { data: log } = await app.rest.repos.getCommit({ ...repo, ref: "main" });
  expect(log.commit.message).toBe("Remove the minutes");
  expect(events.map((event) => event.replace(/ \w{7}\.\.\w{7}$/, ""))).toEqual(["push refs/heads/main", "push refs/heads/main", "push refs/heads/main"]);
});

test("a user needs write access to change contents or refs", async () => {
  const triager = sandbox.octokit("user:RafaelGSS");
  const { data: main } = await triager.rest.git.getRef({ ...repo, ref: "heads/main" });
  expect(await refusal(triager.rest.git.createRef({ ...repo, ref: "refs/heads/mine", sha: main.object.sha }))).toEqual([403, "Must have write access to repository."]);
  expect(await statusOf(sandbox.octokit("user:UlisesGascon").rest.git.createRef({ ...repo, ref: "refs/heads/mine", sha: main.object.sha }))).toBe(200);
});

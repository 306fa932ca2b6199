// A tick reads a meeting's issues (the listing and the occurrence's claim) to decide its steps;
// the refresh that creates or reconciles the issue right after, with nothing written between,
// uses that same read instead of making both calls again. Counts from the sandbox.
import type { ApiRequest } from "@agenda-drafter/github-sandbox";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { snapshotWith } from "./live-issue-app.js";

let stage: DrafterStage;
afterAll(async () => stage?.e2e.close());

const LISTING = "GET /repos/nodejs/security-wg/issues";
const CLAIM = "GET /repos/nodejs/security-wg/git/ref/agenda-drafter/security-wg/2024-03-28";

/** The home repo's issue listings and claim reads among the installation's requests of one tick. */
async function tickReads(): Promise<{ steps: string[]; reads: string[] }> {
  const requests: ApiRequest[] = [];
  const stop = stage.e2e.onApiRequest((request) => void (request.caller === "installation" && requests.push(request)));
  const steps = stepsDone(await stage.tick());
  stop();
  const reads = requests.map((request) => `${request.method} ${decodeURIComponent(request.path.replace(/\?.*/, ""))}`).filter((line) => line === LISTING || line === CLAIM);
  return { steps, reads };
}

beforeAll(async () => {
  stage = await startDrafter(snapshotWith((snapshot) => void (snapshot.now = "2024-03-25T15:00:00Z")));
});

test("the tick that creates the issue lists the meeting's issues and reads the claim once before it writes", async () => {
  stage.e2e.clock.set("2024-03-25T16:00:00Z");
  const { steps, reads } = await tickReads();
  expect(steps).toEqual(["create-issue 2024-03-28"]);
  // The claim again once the issue is written: what publishing reads back, not the tick's read.
  expect(reads).toEqual([LISTING, CLAIM, CLAIM]);
});

test("the tick that reconciles the live issue lists the meeting's issues once", async () => {
  stage.e2e.clock.set("2024-03-26T09:00:00Z");
  const { steps, reads } = await tickReads();
  expect(steps).toEqual([]);
  // The claim records the issue: the process read it once and keeps it.
  expect(reads).toEqual([LISTING]);
});

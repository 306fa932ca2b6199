import { Coalescer } from "../../src/app/coalescer.js";

test("a burst of requests for a key runs once with all of them; requests during a run run once after it", async () => {
  const runs: string[][] = [];
  let release: () => void = () => {};
  const coalescer = new Coalescer<string>({
    windowMs: 20,
    run: async (key, requests) => {
      runs.push([key, ...requests]);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
    },
    onError: (key, error) => {
      throw error;
    },
  });
  for (const label of ["a", "b", "c"]) coalescer.request("nodejs/security-wg/security-wg", label);
  coalescer.request("nodejs/TSC/tsc", "x");
  await new Promise((resolve) => setTimeout(resolve, 60));
  coalescer.request("nodejs/security-wg/security-wg", "d");
  coalescer.request("nodejs/security-wg/security-wg", "e");
  release();
  await coalescer.idle();
  expect(runs).toEqual([
    ["nodejs/security-wg/security-wg", "a", "b", "c"],
    ["nodejs/TSC/tsc", "x"],
    ["nodejs/security-wg/security-wg", "d", "e"],
  ]);
});

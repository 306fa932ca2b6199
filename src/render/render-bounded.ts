import { Worker } from "node:worker_threads";
import { HANDLEBARS_SETUP, toTemplateError } from "./compile-template.js";
import { TemplateError } from "./template-error.js";

/** One template of a meeting's own to render: `partials` are finished text, inserted as is. */
export interface TemplateJob {
  source: string;
  /** Its path in the home repository, for messages. */
  file: string;
  view: object;
  partials: Record<string, string>;
}

export interface RenderLimits {
  timeoutMs: number;
  maxOutputChars: number;
  /** The worker's heap. */
  maxMemoryMb: number;
}

/**
 * A template people wrote may call partials that call each other or nest {{#each}}, and grow
 * exponentially: a render gets this long, this much output and this much memory, no more.
 */
export const RENDER_LIMITS: RenderLimits = { timeoutMs: 2_000, maxOutputChars: 1_000_000, maxMemoryMb: 64 };

// workers/ sits at the package root, two levels above both src/render/ and dist/render/. The
// action's bundle, which runs without node_modules, carries a bundled worker of its own beside it:
// its build defines AGENDA_DRAFTER_BUNDLED_WORKER (scripts/build-action.mjs).
declare const AGENDA_DRAFTER_BUNDLED_WORKER: string | undefined;
const WORKER_FILE = new URL(
  typeof AGENDA_DRAFTER_BUNDLED_WORKER === "string" ? AGENDA_DRAFTER_BUNDLED_WORKER : "../../workers/render-template.mjs",
  import.meta.url,
);

type WorkerAnswer =
  | { outputs: string[] }
  | { failed: { file: string; message: string; lineNumber?: number; column?: number } }
  | { tooLong: { file: string; length: number } };

/**
 * Renders templates of a meeting's own in a worker thread, off the main thread, so that the app's
 * other meetings go on meanwhile, and stops it at the limits. What goes wrong is a TemplateError
 * naming the first job's file (or the failing one's).
 */
export function renderBounded(jobs: TemplateJob[], limits: RenderLimits = RENDER_LIMITS): Promise<string[]> {
  const file = jobs[0]?.file ?? "the meeting's template";
  const { timeoutMs, maxOutputChars, maxMemoryMb } = limits;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { jobs, setup: HANDLEBARS_SETUP, maxOutputChars },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.max(4, maxMemoryMb / 8) },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      outcome();
    };
    const fail = (message: string, at = file) => settle(() => reject(new TemplateError({ file: at, message })));
    const deadline = setTimeout(
      () => fail(`took longer than ${timeoutMs / 1000} s to render and was stopped (partials that call each other, or {{#each}} nested deeply?)`),
      timeoutMs,
    );
    worker.on("message", (answer: WorkerAnswer) => {
      if ("outputs" in answer) settle(() => resolve(answer.outputs));
      else if ("tooLong" in answer) fail(`renders more than ${maxOutputChars.toLocaleString("en-US")} characters and was stopped`, answer.tooLong.file);
      else settle(() => reject(toTemplateError(Object.assign(new Error(answer.failed.message), answer.failed), answer.failed.file)));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|Invalid string length/i.test(error.message)) {
        fail(`needs more than ${maxMemoryMb} MB to render and was stopped (its output grows too big)`);
      } else settle(() => reject(error));
    });
    worker.on("exit", () => fail("stopped rendering without an answer"));
  });
}

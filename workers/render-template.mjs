// Renders the templates of a meeting's own (read from its home repo) in a worker thread, so that
// the app can stop a template that runs too long or grows too big (partials that call each other,
// nested {{#each}}) while its other meetings go on. Plain JavaScript: the same file runs from the
// built package and under the tests. The main thread (src/render/render-bounded.ts) sends the
// sources, the views, the finished partials and the Handlebars setup as data, and gets back each
// output or the first failure.
import { parentPort, workerData } from "node:worker_threads";
import Handlebars from "handlebars";

const { jobs, setup, maxOutputChars } = workerData;
const handlebars = Handlebars.create();
for (const helper of setup.removedHelpers) handlebars.unregisterHelper(helper);

parentPort.postMessage(renderAll());

function renderAll() {
  const outputs = [];
  for (const job of jobs) {
    const partials = Object.fromEntries(Object.entries(job.partials).map(([name, text]) => [name, () => text]));
    let output;
    try {
      const template = handlebars.compile(job.source, setup.compileOptions);
      output = template(job.view, { ...setup.runtimeOptions, partials });
    } catch (error) {
      const { message, lineNumber, column } = error instanceof Error ? error : { message: String(error) };
      return { failed: { file: job.file, message, lineNumber, column } };
    }
    if (output.length > maxOutputChars) return { tooLong: { file: job.file, length: output.length } };
    outputs.push(output);
  }
  return { outputs };
}

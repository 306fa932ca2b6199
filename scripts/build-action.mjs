// Builds the GitHub Action's entry (action.yml's `runs.main`): src/action.ts and the template
// worker, each bundled with every dependency into one file, since an action runs from its
// repository's files without `npm ci`. `npm run build:action` writes action/bundle/; a test builds
// into a temporary folder and compares, so the committed bundle never drifts from the source.
//
// The bundle sits two levels below the root, as src/render/ and dist/render/ do, so that the
// templates it reads (`../../templates/`) are the repository's own.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: "string", default: "action/bundle" } } });

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  outdir: values.outdir,
  outExtension: { ".js": ".mjs" },
  // Pino and other CommonJS dependencies call require(): an ES module has none of its own.
  banner: { js: 'import { createRequire as __agendaDrafterRequire } from "node:module"; const require = __agendaDrafterRequire(import.meta.url);' },
  legalComments: "eof",
  logLevel: "warning",
  // The sandbox is a test double, never in the product: the CLI's demo loads it on demand.
  external: ["@agenda-drafter/github-sandbox"],
};

await build({ ...common, entryPoints: { index: "src/action.ts" }, define: { AGENDA_DRAFTER_BUNDLED_WORKER: JSON.stringify("./render-template.mjs") } });
await build({ ...common, entryPoints: { "render-template": "workers/render-template.mjs" } });

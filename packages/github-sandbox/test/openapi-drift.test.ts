import { readFileSync } from "node:fs";
import { implementedOperations, pruneOpenApi, readPinnedSpec, serializePrunedSpec } from "../scripts/prune-openapi.js";

test("the pruned OpenAPI description matches the pinned @octokit/openapi and the implemented routes", () => {
  const committed = readFileSync(new URL("../src/openapi/github-rest.json", import.meta.url), "utf8");
  const regenerated = serializePrunedSpec(pruneOpenApi(readPinnedSpec(), implementedOperations()));
  // On failure, regenerate src/openapi/github-rest.json with `npm run openapi:prune`.
  expect(regenerated === committed).toBe(true);
});

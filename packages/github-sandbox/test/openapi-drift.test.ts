import { readFileSync } from "node:fs";
import { REST_API_VERSIONS } from "../src/api-versions.js";
import { implementedOperations, pruneOpenApi, readPinnedSpec, serializePrunedSpec } from "../scripts/prune-openapi.js";

test.each(REST_API_VERSIONS)("the pruned OpenAPI description of %s matches the pinned @octokit/openapi, its breaking changes and the implemented routes", (version) => {
  const committed = readFileSync(new URL(`../src/openapi/github-rest.${version}.json`, import.meta.url), "utf8");
  const regenerated = serializePrunedSpec(pruneOpenApi(readPinnedSpec(version), implementedOperations(), version));
  // On failure, regenerate src/openapi/github-rest.<version>.json with `npm run openapi:prune`.
  expect(regenerated === committed).toBe(true);
});

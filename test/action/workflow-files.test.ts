// The example workflows, and the README's copies of them, are workflows GitHub accepts, and
// action.yml an action it accepts: each is checked against SchemaStore's JSON schema for them
// (test/fixtures/schemas/README.md says where they come from). The README's inputs table is
// action.yml's inputs.
import { Ajv } from "ajv";
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const text = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const schema = (name: string) => JSON.parse(text(`test/fixtures/schemas/${name}`)) as object;
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
const validWorkflow = ajv.compile(schema("github-workflow.json"));
const validAction = ajv.compile(schema("github-action.json"));

const EXAMPLES = ["examples/workflow.yml", "examples/workflow-app-token.yml"];

/** The README's section on the action. */
function actionSection(): string {
  const readme = text("README.md");
  const start = readme.indexOf("## Run it as a GitHub Action");
  const end = readme.indexOf("\n## ", start + 1);
  expect(start).toBeGreaterThan(-1);
  return readme.slice(start, end);
}

test.each(EXAMPLES)("%s is a valid workflow", (path) => {
  const workflow: unknown = parse(text(path));
  expect(validWorkflow(workflow) ? [] : validWorkflow.errors).toEqual([]);
});

test("the README shows the example workflows as they are", () => {
  const blocks = [...actionSection().matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
  expect(blocks).toEqual(EXAMPLES.map(text));
});

test("the example workflows listen to every event the action handles, and use the action's inputs only", () => {
  const action = parse(text("action.yml")) as { inputs: Record<string, unknown> };
  for (const path of EXAMPLES) {
    const workflow = parse(text(path)) as { on: Record<string, unknown>; jobs: Record<string, { steps: { uses: string; with?: Record<string, string> }[] }> };
    expect(Object.keys(workflow.on).sort()).toEqual(["issue_comment", "issues", "pull_request_target", "push", "schedule", "workflow_dispatch"]);
    const step = Object.values(workflow.jobs).flatMap((job) => job.steps).find((each) => each.uses.endsWith("/agenda-drafter@v1"));
    expect(Object.keys(step?.with ?? {}).filter((input) => !(input in action.inputs))).toEqual([]);
    expect(step?.with?.["state-key"]).toBe("${{ secrets.AGENDA_DRAFTER_STATE_KEY }}");
  }
});

test("action.yml is a valid action", () => {
  const action: unknown = parse(text("action.yml"));
  expect(validAction(action) ? [] : validAction.errors).toEqual([]);
});

test("the README's inputs table lists action.yml's inputs, with their defaults", () => {
  const action = parse(text("action.yml")) as { inputs: Record<string, { default?: string; required?: boolean }> };
  const table = /<!-- action-inputs:start -->([\s\S]*?)<!-- action-inputs:end -->/.exec(actionSection())?.[1] ?? "";
  const rows = [...table.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)].map(([, name, shown]) => ({ name, shown: shown?.trim() }));
  expect(rows.map((row) => row.name)).toEqual(Object.keys(action.inputs));
  for (const row of rows) {
    const input = action.inputs[row.name ?? ""];
    const expected = input?.required ? "— (required)" : input?.default ? `\`${input.default}\`` : "all";
    expect({ input: row.name, shown: row.shown }).toEqual({ input: row.name, shown: expected });
  }
});

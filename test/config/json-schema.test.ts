import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { configJsonSchema } from "../../src/config/json-schema.js";

test("the committed schema.json matches the config schema", () => {
  const committed: unknown = JSON.parse(readFileSync(new URL("../../schema.json", import.meta.url), "utf8"));
  if (!isDeepStrictEqual(committed, configJsonSchema())) {
    throw new Error("schema.json is out of date with src/config/schema.ts: regenerate it with `npm run schema`");
  }
});

test("editors learn the meeting keys, their descriptions, and that unknown keys are wrong", () => {
  const schema = configJsonSchema() as { $defs: { meeting: { properties: Record<string, { description?: string }>; additionalProperties: boolean } } };
  const meeting = schema.$defs.meeting;
  expect(meeting.additionalProperties).toBe(false);
  expect(Object.keys(meeting.properties)).toContain("agenda_labels");
  expect(Object.values(meeting.properties).filter((property) => !property.description)).toEqual([]);
});

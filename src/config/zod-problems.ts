import { z } from "zod";
import { closestKey } from "./closest-key.js";
import { formatKeyPath } from "./key-path.js";
import type { Locator } from "./locate.js";
import type { ConfigProblem } from "./problem.js";

/**
 * Messages for the issues whose schema gives none of its own: pass as the `error` option of
 * `safeParse` (with `reportInput: true`), so that schema-level messages still win.
 */
export function genericIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      if (issue.expected === "array" && isScalar(issue.input)) {
        return `expected a list, e.g. \`${flowList(issue.input)}\``;
      }
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case "invalid_value": {
      const suggestion = closestKey(String(issue.input), issue.values.map(String));
      return (
        `expected one of ${issue.values.map((value) => `\`${String(value)}\``).join(", ")}, got ${describeValue(issue.input)}` +
        (suggestion ? `; did you mean \`${suggestion}\`?` : "")
      );
    }
    default:
      return undefined;
  }
}

interface ProblemContext {
  file: string;
  locate: Locator;
  /** The schema that raised the issues, to suggest the key an unknown key was meant to be. */
  schema: z.ZodType;
}

/** One problem per issue, and one per unknown key, located in the file. */
export function problemsFromZodIssues(issues: readonly z.core.$ZodIssue[], context: ProblemContext): ConfigProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      const known = Object.keys(objectShapeAt(context.schema, issue.path) ?? {});
      return issue.keys.map((key) => {
        const suggestion = closestKey(key, known);
        return problemAt([...issue.path, key], "key", `unknown key${suggestion ? `; did you mean \`${suggestion}\`?` : ""}`);
      });
    }
    if (issue.code === "invalid_key") return [problemAt(issue.path, "key", issue.issues[0]?.message ?? issue.message)];
    return [problemAt(issue.path, "value", issue.message)];
  });

  function problemAt(path: readonly PropertyKey[], target: "key" | "value", message: string): ConfigProblem {
    return { file: context.file, path: formatKeyPath(path), ...context.locate(path, target), message, severity: "error" };
  }
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "`true` or `false`",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

/**
 * The value as a one-item YAML list that parses back to it: a text that would not stay text
 * bare (`@nodejs/build`: `@` may not start a plain scalar; `yes`, `1.0`, `a: b`) is quoted.
 */
function flowList(value: unknown): string {
  const text = String(value);
  const bare = typeof value !== "string" || (/^[A-Za-z_][\w./-]*$/.test(text) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(text));
  return `[${bare ? text : JSON.stringify(text)}]`;
}

function isScalar(value: unknown): boolean {
  return ["string", "number", "boolean"].includes(typeof value);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = String(value);
  return `\`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
}

function objectShapeAt(schema: z.ZodType, path: readonly PropertyKey[]): Record<string, z.ZodType> | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = current.shape[String(segment)];
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return undefined;
    current = current && unwrap(current);
  }
  return current instanceof z.ZodObject ? current.shape : undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

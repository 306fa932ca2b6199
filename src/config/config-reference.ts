import { configJsonSchema } from "./json-schema.js";

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  $ref?: string;
  /** A key that takes one of several shapes (`true`, or an object): the object's keys are its keys. */
  anyOf?: SchemaNode[];
}

/**
 * The README's table of meeting keys, generated from the same schema that validates the file, so
 * the documentation cannot drift from what is accepted.
 */
export function configReferenceMarkdown(): string {
  const schema = configJsonSchema() as { $defs: { meeting: SchemaNode } };
  const rows = keyRows(schema.$defs.meeting, "");
  return ["| key | what it means |", "| --- | --- |", ...rows.map(([key, text]) => `| \`${key}\` | ${text} |`)].join("\n");
}

function keyRows(node: SchemaNode, prefix: string): [string, string][] {
  const properties = Object.assign({}, node.properties, ...(node.anyOf ?? []).map((shape) => shape.properties));
  return Object.entries(properties as Record<string, SchemaNode>).flatMap(([name, child]): [string, string][] => {
    const key = `${prefix}${name}`;
    const own: [string, string] = [key, (child.description ?? "").replaceAll("|", "\\|").replaceAll("\n", " ")];
    return [own, ...keyRows(child, `${key}.`)];
  });
}

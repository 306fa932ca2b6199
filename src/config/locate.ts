import { isMap, isSeq, isScalar, type Document, type LineCounter } from "yaml";

export interface Position {
  line?: number;
  column?: number;
}

/**
 * Finds where a key path is written. `value` points at the value (what is wrong with it), `key`
 * at the key (an unknown key, or a key under which something is missing). A path that does not
 * exist in the file points at the deepest key of it that does.
 */
export type Locator = (path: readonly PropertyKey[], target?: "key" | "value") => Position;

interface Ranged {
  range?: [number, number, number] | null;
}

export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  return (path, target = "value") => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let found = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
        node = node.items[segment];
        keyNode = node;
      } else {
        break;
      }
      found += 1;
    }
    const wholePathFound = found === path.length;
    const anchor = (wholePathFound && target === "value" && hasRange(node) ? node : keyNode) ?? doc.contents;
    if (!hasRange(anchor)) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(anchor.range[0]);
    return { line, column: col };
  };
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === "object" && node !== null && Array.isArray((node as Ranged).range);
}

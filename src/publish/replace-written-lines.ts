/**
 * Brings the lines the app rendered into a body from `before` to `after` (two renderings of the
 * same template), where people have left them as the app wrote them: a line someone edited or
 * removed stays theirs. Used when an occurrence moves or its minutes open, which change the time
 * table and the links of an issue people may have edited since. Runs of changed lines are matched
 * as a whole; a run that is only inserted goes before the unchanged line that follows it.
 */
export function replaceWrittenLines(body: string, before: string, after: string): string {
  const old = before.split("\n");
  const next = after.split("\n");
  let result = body;
  for (const hunk of diffHunks(old, next)) {
    const removed = hunk.removed.join("\n");
    const added = hunk.added.join("\n");
    if (hunk.removed.length > 0) {
      const at = findLines(result, removed);
      if (at !== -1) result = result.slice(0, at) + added + result.slice(at + removed.length);
    } else if (hunk.anchor !== undefined) {
      const at = findLines(result, hunk.anchor);
      if (at !== -1) result = `${result.slice(0, at)}${added}\n${result.slice(at)}`;
    }
  }
  return result;
}

interface Hunk {
  removed: string[];
  added: string[];
  /** The unchanged line after the hunk, where an insertion goes. */
  anchor?: string;
}

/** Hunks of a line diff by longest common subsequence; templates render a few dozen lines. */
function diffHunks(a: string[], b: string[]): Hunk[] {
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let i = 0;
  let j = 0;
  const close = (anchor: string | undefined) => {
    if (current) hunks.push(anchor === undefined ? current : { ...current, anchor });
    current = undefined;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close(a[i]);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) {
      (current ??= { removed: [], added: [] }).added.push(b[j++]!);
    } else {
      (current ??= { removed: [], added: [] }).removed.push(a[i++]!);
    }
  }
  close(undefined);
  return hunks.filter((hunk) => hunk.removed.join("\n") !== hunk.added.join("\n"));
}

/** Where `lines` stands as whole lines in `text`, or -1. */
function findLines(text: string, lines: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(lines, from);
    if (at === -1) return -1;
    const end = at + lines.length;
    if ((at === 0 || text[at - 1] === "\n") && (end === text.length || text[end] === "\n")) return at;
    from = at + 1;
  }
}

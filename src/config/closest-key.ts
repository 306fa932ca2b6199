/** The candidate a typo most likely meant, if one is close enough to be a plausible typo. */
export function closestKey(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  return best && best.distance <= tolerance ? best.candidate : undefined;
}

/** Levenshtein distance, where swapping two neighbouring letters counts as one edit. */
function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const distances = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number) => distances[i * width + j] ?? Infinity;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      let distance = i === 0 || j === 0 ? i + j : Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, at(i - 2, j - 2) + 1);
      distances[i * width + j] = distance;
    }
  }
  return at(a.length, b.length);
}

import type { ItemRef } from "../model.js";

// Anchored, on one short word, without nested quantifiers: no input can make these backtrack.
const LOGIN = "[A-Za-z0-9][A-Za-z0-9-]{0,38}";
const REPO_NAME = "[A-Za-z0-9._-]{1,100}";
const NUMBER = "[1-9][0-9]{0,9}";
const SHORT_REF = new RegExp(`^#(${NUMBER})$`);
const FULL_REF = new RegExp(`^(${LOGIN})/(${REPO_NAME})#(${NUMBER})$`);
const ITEM_PATH = new RegExp(`^/(${LOGIN})/(${REPO_NAME})/(issues|pull|discussions)/(${NUMBER})(?:/[a-z]*)?$`);
const LONGEST_REF = 400;

/**
 * An issue or pull request named as `#12` (in the home repo), `owner/repo#12`, or by its URL on
 * the GitHub the app talks to, or a discussion by its URL (a ref that says it is a discussion);
 * undefined for anything else.
 */
export function parseItemRef(word: string, home: { owner: string; repo: string }, webHost: string): ItemRef | undefined {
  if (word.length > LONGEST_REF) return undefined;
  const short = SHORT_REF.exec(word);
  if (short) return { repo: `${home.owner}/${home.repo}`, number: Number(short[1]) };
  const full = FULL_REF.exec(word);
  if (full) return { repo: `${full[1]}/${full[2]}`, number: Number(full[3]) };
  return fromUrl(word, webHost);
}

function fromUrl(word: string, webHost: string): ItemRef | undefined {
  let url: URL;
  try {
    url = new URL(word);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" || url.host.toLowerCase() !== webHost.toLowerCase()) return undefined;
  const path = ITEM_PATH.exec(url.pathname);
  if (!path) return undefined;
  const ref: ItemRef = { repo: `${path[1]}/${path[2]}`, number: Number(path[4]) };
  return path[3] === "discussions" ? { ...ref, discussion: true } : ref;
}

import { execFile, spawnSync } from "node:child_process";
import { SaxesParser } from "saxes";

/**
 * Markdown as GitHub renders it: GitHub's own parser, cmark-gfm, with the extensions github.com
 * turns on, then GitHub's post-render rules, which act on the text nodes of the result (never on
 * code) and turn mentions, references and bare addresses into links. (The Debian build has no
 * footnotes option; a footnote needs brackets, which the escaper never leaves live.)
 */

const CMARK_GFM = "cmark-gfm";
const CMARK_ARGUMENTS = [
  ...["autolink", "strikethrough", "table", "tagfilter", "tasklist"].flatMap((extension) => ["--extension", extension]),
  "--to",
  "xml",
];

const cmarkPresent = spawnSync(CMARK_GFM, ["--version"]).status === 0;

/**
 * A describe block that needs the cmark-gfm binary: skipped, saying so, where it is absent; failing
 * under CI=true, where its absence is a broken setup (`.ci/run` installs it).
 */
export function describeWithCmarkGfm(name: string, body: () => void): void {
  if (cmarkPresent) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    test(`${name}: needs cmark-gfm`, () => {
      throw new Error("cmark-gfm is not installed; .ci/run installs it (the Debian package cmark-gfm)");
    });
  } else {
    describe.skip(`${name} (skipped: cmark-gfm is not installed; apt-get install cmark-gfm)`, body);
  }
}

/** One node of the rendered tree: its cmark type (`paragraph`, `text`, `code`, `link`…). */
export interface RenderedNode {
  type: string;
  /** The literal text of `text`, `code`, `html_inline` and `code_block` nodes. */
  literal?: string;
  attributes: Record<string, string>;
  children: RenderedNode[];
}

/** The document cmark-gfm makes of the Markdown. */
export function renderGitHubMarkdown(markdown: string): Promise<RenderedNode> {
  return new Promise((resolve, reject) => {
    const child = execFile(CMARK_GFM, CMARK_ARGUMENTS, { encoding: "utf8", maxBuffer: 1 << 24 }, (error, stdout) => {
      try {
        if (error) throw error;
        resolve(parseCmarkXml(stdout));
      } catch (failure) {
        reject(failure);
      }
    });
    child.stdin?.end(markdown);
  });
}

const LITERAL_TYPES = new Set(["text", "code", "html_inline", "html_block", "code_block"]);

// cmark-gfm copies control characters into its XML, where XML allows none: they stand as U+FFFD,
// so that the text shown differs from the title's.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** cmark-gfm's XML as a tree of nodes. */
function parseCmarkXml(xml: string): RenderedNode {
  const parser = new SaxesParser();
  const root: RenderedNode = { type: "root", attributes: {}, children: [] };
  const open: RenderedNode[] = [root];
  parser.on("opentag", (tag) => {
    const node: RenderedNode = { type: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [] };
    if (LITERAL_TYPES.has(tag.name)) node.literal = "";
    open.at(-1)?.children.push(node);
    open.push(node);
  });
  parser.on("text", (text) => {
    const node = open.at(-1);
    if (node?.literal !== undefined) node.literal += text;
  });
  parser.on("closetag", () => open.pop());
  parser.write(xml.replace(NOT_IN_XML, "\uFFFD")).close();
  const document = root.children[0];
  if (document?.type !== "document") throw new Error("cmark-gfm wrote no document");
  return document;
}

// Ends any block a document left open (as no correct document does) at the top level.
const DOCUMENT_SEPARATOR = "<!-- next document -->";

const renderedDocuments = new Map<string, RenderedNode>();

/**
 * Documents as cmark-gfm renders each, from as few runs as can be (starting cmark-gfm costs far
 * more than rendering): documents rendered before are not rendered again, and the others are
 * rendered together, separated by an HTML comment at the top level. Should a document leave a
 * block open, so that the separators do not all stand at the top level, the halves are rendered
 * apart, down to each document alone.
 */
export async function renderGitHubDocuments(markdowns: string[]): Promise<RenderedNode[]> {
  const missing = [...new Set(markdowns.filter((markdown) => !renderedDocuments.has(markdown)))];
  const documents = await renderTogether(missing);
  missing.forEach((markdown, index) => renderedDocuments.set(markdown, documents[index] as RenderedNode));
  return markdowns.map((markdown) => renderedDocuments.get(markdown) as RenderedNode);
}

async function renderTogether(markdowns: string[]): Promise<RenderedNode[]> {
  if (markdowns.length <= 1) return Promise.all(markdowns.map(renderGitHubMarkdown));
  const together = await renderGitHubMarkdown(markdowns.join(`\n\n${DOCUMENT_SEPARATOR}\n\n`));
  const documents: RenderedNode[] = [{ type: "document", attributes: {}, children: [] }];
  for (const child of together.children) {
    if (child.type === "html_block" && child.literal?.trim() === DOCUMENT_SEPARATOR) documents.push({ type: "document", attributes: {}, children: [] });
    else documents.at(-1)?.children.push(child);
  }
  if (documents.length === markdowns.length) return documents;
  const half = Math.ceil(markdowns.length / 2);
  return [...(await renderTogether(markdowns.slice(0, half))), ...(await renderTogether(markdowns.slice(half)))];
}

/** Every node of the tree, depth first. */
export function allNodes(node: RenderedNode): RenderedNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** What a reader sees of inline nodes: the text of text and code nodes, in order. */
export function visibleText(nodes: RenderedNode[]): string {
  return nodes
    .map((node) => (node.type === "text" || node.type === "code" ? (node.literal ?? "") : visibleText(node.children)))
    .join("");
}

/**
 * GitHub's post-render rules as small regexes, each a little wider than GitHub's own so that a
 * near miss counts as a hit. They run on the text of text nodes only, as GitHub's do.
 */
export const GITHUB_TEXT_RULES: Record<string, RegExp> = {
  // `@login` and `@org/team`, not after a word character (GitHub leaves `a@b` alone).
  mention: /(?<![\p{L}\p{N}_])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?/u,
  // `#1`, and with it `owner/repo#1` and a closing keyword's target (GitHub wants a boundary before `#`).
  issueReference: /#\d/,
  // `GH-1`, in any case.
  ghReference: /GH-\d/i,
  // A bare URL of any scheme (GitHub links http, https and ftp; issue URLs become references).
  url: /[a-z][a-z0-9+.-]*:\/\/[^\s]/i,
  // `www.example.com`, in any case.
  www: /www\./i,
  // An e-mail address.
  email: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/,
  // An emoji shortcode such as `:tada:`, which GitHub replaces by its picture.
  emoji: /:[\w+-]+:/,
};

/**
 * The text GitHub's rules read: adjacent text nodes are one text in the HTML (a backslash escape,
 * for one, splits cmark's text nodes), so they are joined; other nodes separate them.
 */
export function textRuns(nodes: RenderedNode[]): string[] {
  const runs: string[] = [];
  let previousWasText = false;
  for (const node of nodes) {
    if (node.type === "text") {
      if (previousWasText) runs[runs.length - 1] += node.literal ?? "";
      else runs.push(node.literal ?? "");
    }
    previousWasText = node.type === "text";
  }
  return runs;
}

/** The names of the post-render rules that find something in this text. */
export function githubLinksIn(text: string): string[] {
  return Object.entries(GITHUB_TEXT_RULES)
    .filter(([, rule]) => rule.test(text))
    .map(([name]) => name);
}

/** Whether `shown` is `expected` with zero-width spaces added, and nothing else changed. */
export function equalsUpToAddedZeroWidthSpaces(shown: string, expected: string): boolean {
  let at = 0;
  for (const character of shown.split("")) {
    if (at < expected.length && character === expected[at]) at++;
    else if (character !== "\u200B") return false;
  }
  return at === expected.length;
}

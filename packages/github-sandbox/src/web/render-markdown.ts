import MarkdownIt from "markdown-it";

// Markdown rendered as GitHub shows it: raw HTML allowed (so `<!-- -->` stays hidden) but
// sanitised as GitHub sanitises it, bare URLs linked, and `- [ ]` items shown as checkboxes.

const ALLOWED_TAGS = new Set([
  "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4",
  "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "picture", "pre", "q", "s", "samp", "source", "span",
  "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "ul", "var",
]);
const ALLOWED_ATTRIBUTES = new Set(["href", "src", "srcset", "alt", "title", "align", "width", "height", "open", "name", "id", "colspan", "rowspan", "media"]);
/** Elements removed with everything inside them. */
const DROPPED_WITH_CONTENT = new Set(["script", "style", "iframe", "object", "embed", "template", "noscript"]);

const markdown = new MarkdownIt({ html: true, linkify: true });
markdown.core.ruler.after("inline", "task-lists", (state) => {
  state.tokens.forEach((token, index) => {
    if (token.type !== "inline" || state.tokens[index - 2]?.type !== "list_item_open") return;
    const first = token.children?.[0];
    const box = first?.type === "text" ? /^\[([ xX])\]\s/.exec(first.content) : null;
    if (!first || !box) return;
    first.content = first.content.slice(box[0].length);
    const checkbox = new state.Token("task_checkbox", "input", 0);
    checkbox.meta = { checked: box[1] !== " " };
    token.children?.unshift(checkbox);
    state.tokens[index - 2]?.attrJoin("class", "task-list-item");
  });
});
markdown.renderer.rules["task_checkbox"] = (tokens, index) =>
  `<input type="checkbox" class="task-list-item-checkbox" disabled${tokens[index]?.meta?.checked ? " checked" : ""}> `;
markdown.renderer.rules.html_block = (tokens, index) => sanitizeHtml(tokens[index]?.content ?? "");
markdown.renderer.rules.html_inline = (tokens, index) => sanitizeHtml(tokens[index]?.content ?? "");

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

/** Keeps comments and allowed tags with allowed attributes; drops scripts and event handlers. */
function sanitizeHtml(html: string): string {
  let output = "";
  let dropping: string | undefined;
  for (const piece of html.split(/(<!--[\s\S]*?-->|<\/?[a-zA-Z][\w-]*(?:\s+(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>)/)) {
    const tag = /^<(\/?)([a-zA-Z][\w-]*)([\s\S]*?)(\/?)>$/.exec(piece);
    if (dropping) {
      if (tag?.[1] === "/" && tag[2]?.toLowerCase() === dropping) dropping = undefined;
      continue;
    }
    if (piece.startsWith("<!--")) {
      output += piece;
    } else if (tag) {
      const name = (tag[2] ?? "").toLowerCase();
      if (DROPPED_WITH_CONTENT.has(name)) dropping = tag[1] === "/" || tag[4] === "/" ? undefined : name;
      else if (ALLOWED_TAGS.has(name)) output += tag[1] === "/" ? `</${name}>` : `<${name}${allowedAttributes(tag[3] ?? "")}${tag[4] ? " /" : ""}>`;
    } else {
      output += piece;
    }
  }
  return output;
}

function allowedAttributes(source: string): string {
  let kept = "";
  for (const match of source.matchAll(/([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
    const name = (match[1] ?? "").toLowerCase();
    const value = (match[2] ?? "").replace(/^["']|["']$/g, "");
    if (!ALLOWED_ATTRIBUTES.has(name)) continue;
    if ((name === "href" || name === "src" || name === "srcset") && /^\s*(javascript|vbscript|data):/i.test(value)) continue;
    kept += ` ${name}="${value.replace(/"/g, "&quot;")}"`;
  }
  return kept;
}

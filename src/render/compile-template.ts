import { handlebarsSyntaxProblem } from "../config/handlebars-syntax-error.js";
import Handlebars from "handlebars";
import { TemplateError } from "./template-error.js";

/** Renders a compiled template; `partials` are finished text, inserted as is. */
export type CompiledTemplate = (view: object, partials?: Record<string, string>) => string;

/** Partials the app provides to every template. */
const PROVIDED_PARTIALS = ["agenda", "sections"] as const;

// An environment of our own, so nothing registered elsewhere in the process reaches templates;
// `log` would let a repository's template write to the app's logs.
const handlebars = Handlebars.create();
const REMOVED_HELPERS = ["log"];
for (const helper of REMOVED_HELPERS) handlebars.unregisterHelper(helper);

const COMPILE_OPTIONS: CompileOptions = {
  // Markdown, not HTML: escaping is escapeMarkdown's job, done in the view model.
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: { log: false },
};

const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;

/** How templates are compiled and run, as data, for the worker that renders a meeting's own templates. */
export const HANDLEBARS_SETUP = { removedHelpers: REMOVED_HELPERS, compileOptions: COMPILE_OPTIONS, runtimeOptions: RUNTIME_OPTIONS };

/**
 * Compiles template text, so that a mistake (a syntax error, an unknown helper or partial) is
 * reported with its place in `file` now rather than when a meeting is rendered.
 */
export function compileTemplate(source: string, file: string): CompiledTemplate {
  checkTemplate(source, file);
  const template = handlebars.compile(source, COMPILE_OPTIONS);
  return (view, partials = {}) => {
    const partialFunctions = Object.fromEntries(
      Object.entries(partials).map(([name, text]) => [name, () => text]),
    );
    try {
      return template(view, { ...RUNTIME_OPTIONS, partials: partialFunctions });
    } catch (error) {
      throw toTemplateError(error, file);
    }
  };
}

/** Throws a TemplateError for what compiling finds: a syntax error, an unknown helper or partial. */
export function checkTemplate(source: string, file: string): void {
  try {
    checkPartials(handlebars.parse(source), file);
    // compile() is lazy; precompile() runs the whole compiler now and throws what it finds.
    handlebars.precompile(source, COMPILE_OPTIONS);
  } catch (error) {
    throw toTemplateError(error, file, source);
  }
}

function checkPartials(program: hbs.AST.Program, file: string): void {
  const defined = new Set<string>(PROVIDED_PARTIALS);
  const used: { name: string; node: hbs.AST.Node }[] = [];
  visit(program, (node) => {
    if (node.type === "DecoratorBlock") {
      const decorator = node as hbs.AST.DecoratorBlock;
      const name = decorator.params[0];
      if (pathName(decorator.path) === "inline" && name?.type === "StringLiteral") {
        defined.add((name as hbs.AST.StringLiteral).value);
      }
    }
    if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") {
      const partial = node as hbs.AST.PartialStatement;
      const name = pathName(partial.name) ?? literalName(partial.name);
      if (name === undefined) {
        throw problemAt(node, file, "a partial's name must be written out, not computed");
      }
      used.push({ name, node });
    }
  });
  for (const { name, node } of used) {
    if (!defined.has(name)) {
      const known = [...defined].map((partial) => `"${partial}"`).join(", ");
      throw problemAt(node, file, `unknown partial "${name}"; the partials available are ${known}`);
    }
  }
}

function visit(node: hbs.AST.Node, onNode: (node: hbs.AST.Node) => void): void {
  onNode(node);
  const children = node as Partial<{ body: hbs.AST.Node[]; program: hbs.AST.Node; inverse: hbs.AST.Node }>;
  for (const child of children.body ?? []) visit(child, onNode);
  if (children.program) visit(children.program, onNode);
  if (children.inverse) visit(children.inverse, onNode);
}

function pathName(node: hbs.AST.Node): string | undefined {
  return node.type === "PathExpression" ? (node as hbs.AST.PathExpression).original : undefined;
}

function literalName(node: hbs.AST.Node): string | undefined {
  return node.type === "StringLiteral" || node.type === "NumberLiteral"
    ? String((node as hbs.AST.StringLiteral).value)
    : undefined;
}

function problemAt(node: hbs.AST.Node, file: string, message: string): TemplateError {
  return new TemplateError({ file, line: node.loc.start.line, column: node.loc.start.column + 1, message });
}

// Handlebars reports syntax errors as "Parse error on line 3: <excerpt> Expecting ..." and
// compiler errors as "<what> - 3:4" with the place also in lineNumber/column (0-based column).
export function toTemplateError(error: unknown, file: string, source?: string): TemplateError {
  if (error instanceof TemplateError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const syntax = /^(Parse|Lexical) error on line (\d+)[:.]/.exec(text);
  // With the template at hand, the parser says where and what, in words.
  const problem = syntax && source !== undefined ? handlebarsSyntaxProblem(source) : undefined;
  if (problem) return new TemplateError({ file, ...problem, message: `syntax error: ${problem.message}` });
  if (syntax) {
    return new TemplateError({ file, line: Number(syntax[2]), message: describeSyntaxError(syntax[1], text) });
  }
  const located = error as { lineNumber?: unknown; column?: unknown };
  const message = text.replace(/ - \d+:\d+$/, "");
  if (typeof located.lineNumber === "number") {
    const column = typeof located.column === "number" ? located.column + 1 : undefined;
    return new TemplateError({ file, line: located.lineNumber, ...(column === undefined ? {} : { column }), message });
  }
  return new TemplateError({ file, message });
}

function describeSyntaxError(kind: string | undefined, text: string): string {
  if (kind === "Lexical") return "syntax error: text Handlebars cannot read";
  const expected = text.split("\n").at(-1)?.trim() ?? "";
  if (expected.endsWith("got 'EOF'")) {
    return "syntax error: the template ends inside an open block (a {{#if}} or {{#each}} without its {{/if}} or {{/each}}?)";
  }
  return `syntax error: ${expected}`;
}

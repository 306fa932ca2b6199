import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

// A file does one thing and a function one step: past these sizes they are doing several.
const MOST_LINES_PER_FILE = 300;
const MOST_LINES_PER_FUNCTION = 60;

const root = fileURLToPath(new URL("../..", import.meta.url));
const SOURCE_ROOTS = ["src", "packages/github-sandbox/src"].map((dir) => join(root, dir));

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function longFunctions(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      // A function made of one object literal (a declaration, a set of handlers) is a table, not a step.
      if (lines > MOST_LINES_PER_FUNCTION && !isTable(node)) {
        const name = node.name?.getText(source) ?? "(anonymous)";
        found.push(`${relative(root, path)}:${start + 1} ${name}: ${lines} lines`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTable(node: ts.SignatureDeclaration): boolean {
  const body = (node as ts.FunctionLikeDeclaration).body;
  if (!body) return false;
  if (ts.isObjectLiteralExpression(body) || (ts.isParenthesizedExpression(body) && ts.isObjectLiteralExpression(body.expression))) return true;
  if (!ts.isBlock(body)) return false;
  // Declarations and guards may come before the returned object.
  const guard = (statement: ts.Statement) => ts.isVariableStatement(statement) || (ts.isIfStatement(statement) && ts.isThrowStatement(statement.thenStatement));
  const last = body.statements.at(-1);
  return (
    last !== undefined &&
    ts.isReturnStatement(last) &&
    last.expression !== undefined &&
    ts.isObjectLiteralExpression(last.expression) &&
    body.statements.slice(0, -1).every(guard)
  );
}

const files = SOURCE_ROOTS.flatMap(sourceFiles);

test("no source file is longer than 300 lines", () => {
  const long = files
    .map((path) => ({ path, lines: readFileSync(path, "utf8").split("\n").length }))
    .filter(({ lines }) => lines > MOST_LINES_PER_FILE)
    .map(({ path, lines }) => `${relative(root, path)}: ${lines} lines`);
  expect(long).toEqual([]);
});

test("no function is longer than 60 lines", () => {
  expect(files.flatMap((path) => longFunctions(path, readFileSync(path, "utf8")))).toEqual([]);
});

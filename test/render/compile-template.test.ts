import { jest } from "@jest/globals";
import { compileTemplate } from "../../src/render/compile-template.js";
import { TemplateError } from "../../src/render/template-error.js";

function compileError(source: string, file = ".github/agenda-drafter/issue.md.hbs"): TemplateError {
  try {
    compileTemplate(source, file);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("the template compiled");
}

describe("compileTemplate", () => {
  test("renders Markdown as it is: no HTML escaping", () => {
    const template = compileTemplate("# {{title}}\n\n{{#each items}}* {{this}}\n{{/each}}", "t.hbs");
    expect(template({ title: "Q&A 'today' \"maybe\" <br>", items: ["a", "b"] })).toBe(
      "# Q&A 'today' \"maybe\" <br>\n\n* a\n* b\n",
    );
  });

  test("inserts provided partials as text, never as template", () => {
    const template = compileTemplate("before\n{{> agenda}}\nafter", "t.hbs");
    expect(template({ secret: "no" }, { agenda: "{{secret}} {{> agenda}}\n" })).toBe(
      "before\n{{secret}} {{> agenda}}\nafter",
    );
  });

  test("a syntax error names the file and the line", () => {
    const error = compileError("## Agenda\n\n{{#each groups}}\n### {{repo}}\n");
    expect(error).toBeInstanceOf(TemplateError);
    expect({ file: error.file, line: error.line, message: error.message }).toMatchInlineSnapshot(`
{
  "file": ".github/agenda-drafter/issue.md.hbs",
  "line": 5,
  "message": ".github/agenda-drafter/issue.md.hbs:5:1: syntax error: the template ends inside an open block (a {{#if}} or {{#each}} without its {{/if}} or {{/each}}?)",
}
`);
  });

  test("a mismatched closing tag names the line and column", () => {
    const error = compileError("{{#if links.joining}}\n  {{#each invited}}\n{{/if}}\n{{/each}}\n");
    expect({ line: error.line, column: error.column, reason: error.reason }).toMatchInlineSnapshot(`
{
  "column": 6,
  "line": 2,
  "reason": "each doesn't match if",
}
`);
  });

  test("a stray closing tag is a syntax error on its line", () => {
    const error = compileError("# {{title}}\n\n{{/if}}\n");
    expect(error.line).toBe(3);
    expect(error.column).toBe(1);
    expect(error.reason).toBe("syntax error: a closing tag `{{/…}}` without a block open");
  });

  test("an unknown helper is an error at compile time, with its place", () => {
    const error = compileError("# {{title}}\n\n* {{shout title}}\n");
    expect({ line: error.line, column: error.column, message: error.message }).toMatchInlineSnapshot(`
{
  "column": 3,
  "line": 3,
  "message": ".github/agenda-drafter/issue.md.hbs:3:3: You specified knownHelpersOnly, but used the unknown helper shout",
}
`);
  });

  test("the log helper is not available to templates", () => {
    expect(compileError('{{log "hello"}}').reason).toMatch(/unknown helper log/);
  });

  test("an unknown partial is an error at compile time", () => {
    const error = compileError("## Agenda\n\n{{> agendas}}\n");
    expect(error.message).toBe(
      '.github/agenda-drafter/issue.md.hbs:3:1: unknown partial "agendas"; the partials available are "agenda", "sections"',
    );
  });

  test("a computed partial name is refused", () => {
    expect(compileError("{{> (lookup . 'name')}}").reason).toMatch(/partial's name must be written out/);
  });

  test("inline partials defined in the template may be used", () => {
    const template = compileTemplate('{{#*inline "item"}}* {{title}}{{/inline}}{{#each items}}{{> item}}\n{{/each}}', "t.hbs");
    expect(template({ items: [{ title: "a" }, { title: "b" }] })).toBe("* a\n* b\n");
  });

  test("an error while rendering is a TemplateError of the file too", () => {
    const template = compileTemplate("{{#with a b}}x{{/with}}", "minutes.md.hbs");
    expect(() => template({ a: 1, b: 2 })).toThrow(TemplateError);
    expect(() => template({ a: 1, b: 2 })).toThrow(/^minutes\.md\.hbs: #with requires exactly one argument/);
  });

  describe("prototype access is refused", () => {
    // Handlebars reports each denied property once on the console; that is expected here.
    beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
    afterEach(() => jest.restoreAllMocks());

    test.each([
      ["{{constructor}}"],
      ["{{__proto__}}"],
      ['{{lookup this "constructor"}}'],
      ['{{lookup (lookup this "constructor") "name"}}'],
      ["{{title.constructor}}"],
      ["{{title.constructor.name}}"],
      ["{{#with __proto__}}{{constructor}}{{/with}}"],
      ["{{#each this}}{{@key}}{{/each}}"],
      ["{{items.length}}{{items.__proto__}}{{items.constructor}}"],
      ['{{#with (lookup this "__proto__")}}{{__defineGetter__}}{{hasOwnProperty}}{{/with}}'],
    ])("%s", (source) => {
      const template = compileTemplate(source, "t.hbs");
      const output = template({ title: "x", items: [] });
      expect(output).not.toMatch(/function|Object|String|native code|\[object/);
    });

    test("a helper-style call on a prototype path does not compile", () => {
      expect(compileError("{{constructor.constructor 'alert(1)'}}").reason).toMatch(/unknown helper constructor/);
    });
  });
});

describe("a Handlebars syntax error is told with its line and column, in words, never with the parser's token list", () => {
  test.each([
    ["Intro\n\n  {{> }}\n", 3, 7, "the tag ends where a name or a value is expected"],
    ["{{title}} and {{{notes}}\n", 1, 23, "a tag opened with `{{{` must close with `}}}`"],
    ["{{title}}}\n", 1, 8, "`}}}` closes a tag opened with `{{`: use `}}`"],
  ])("%j", (source, line, column, reason) => {
    const error = compileError(source);
    expect({ line: error.line, column: error.column, reason: error.reason }).toEqual({ line, column, reason: `syntax error: ${reason}` });
    expect(error.message).not.toMatch(/Expecting|'[A-Z_]+'|\^/);
  });
});

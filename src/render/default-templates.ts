import { readFileSync } from "node:fs";
import { compileTemplate, type CompiledTemplate } from "./compile-template.js";

export interface DefaultTemplates {
  issue: CompiledTemplate;
  minutes: CompiledTemplate;
  agenda: CompiledTemplate;
  sections: CompiledTemplate;
}

// templates/ sits at the package root, two levels above both src/render/ and dist/render/.
const TEMPLATES_FOLDER = new URL("../../templates/", import.meta.url);

let loaded: DefaultTemplates | undefined;

/** The templates the app ships, read and compiled once. */
export function defaultTemplates(): DefaultTemplates {
  loaded ??= {
    issue: load("issue.md.hbs"),
    minutes: load("minutes.md.hbs"),
    agenda: load("agenda.md.hbs"),
    sections: load("sections.md.hbs"),
  };
  return loaded;
}

function load(name: string): CompiledTemplate {
  return compileTemplate(readFileSync(new URL(name, TEMPLATES_FOLDER), "utf8"), `templates/${name}`);
}

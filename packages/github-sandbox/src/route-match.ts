import type { Route } from "./route.js";
import { routes } from "./routes/index.js";

// Which of the sandbox's REST routes a request is for, and its path parameters.

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

const compiledRoutes = routes.map((route) => ({ route, ...compileTemplate(route.path) }));

export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const { route, pattern, names } of compiledRoutes) {
    if (route.method !== method) continue;
    const found = pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      params[name] = decodeURIComponent(found[index + 1] ?? "");
    });
    return { route, params };
  }
  return undefined;
}

/** `{path}` and `{ref}` at the end of a template take the rest of the path, slashes included, as on GitHub. */
function compileTemplate(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "\u0000";
  });
  const segments = source.split("\u0000").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  let pattern = segments[0] ?? "";
  names.forEach((name, index) => {
    const last = index === names.length - 1 && (segments[index + 1] ?? "") === "";
    pattern += (last && (name === "path" || name === "ref") ? "(.+)" : "([^/]+)") + (segments[index + 1] ?? "");
  });
  return { pattern: new RegExp(`^${pattern}$`, "i"), names };
}

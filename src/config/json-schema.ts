import { z } from "zod";
import { configFileSchema } from "./schema.js";

/** JSON Schema (draft 2020-12) of `.github/agenda-drafter.yml`, for editor completion; committed as `schema.json`. */
export function configJsonSchema(): object {
  return {
    ...z.toJSONSchema(configFileSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
    title: "agenda-drafter configuration",
  };
}

// Unknown-field check for Kubernetes objects (what kubeconform calls strict mode). The compiled
// schemas of kubernetes-models accept any extra field, and so would a misspelt one
// (`terminationGracePeriodSecond`), which the API server then drops. The field names come from the
// same package's type declarations: one interface per schema, one quoted property per field.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const packageRoot = (name) => path.dirname(require.resolve(`${name}/package.json`));
const models = packageRoot("kubernetes-models");
const machinery = packageRoot("@kubernetes-models/apimachinery");

const interfaces = new Map(); // declaration file -> { fields: Map(name -> declaration file or null) } or null

/** Messages for the fields of `object` that its kind's schema does not have. */
export function unknownFieldProblems(object) {
  const file = path.join(models, object.apiVersion, `${object.kind}.d.ts`);
  if (!/^[a-z0-9./-]+$/.test(object.apiVersion) || !existsSync(file)) return [];
  const problems = [];
  walk(object, file, "", problems);
  return problems;
}

function walk(value, file, at, problems) {
  const shape = declaration(file);
  if (!shape || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, file, `${at}/${i}`, problems));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (!shape.fields.has(key)) problems.push(`${at || "/"}: unknown field '${key}'`);
    else if (shape.fields.get(key)) walk(child, shape.fields.get(key), `${at}/${key}`, problems);
  }
}

// Reads `export interface IName { "field"?: Type; ... }` and where each field's type is declared,
// when it is another interface (directly or as Array<...>). Maps, unions and aliases are leaves.
function declaration(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const start = text.match(/export interface \w+(?: extends [\w, ]+)? \{\n/);
  if (!start) {
    interfaces.set(file, null);
    return null;
  }
  const imports = new Map();
  for (const [, name, from] of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(name, from);
  const fields = new Map();
  let depth = 1;
  for (const line of text.slice(start.index + start[0].length).split("\n")) {
    if (depth === 1) {
      const field = line.match(/^\s*"([^"]+)"\??: (.*)$/);
      const type = field?.[2].match(/^(?:Array<)?(\w+)/)?.[1];
      if (field) fields.set(field[1], imports.has(type) ? resolve(file, imports.get(type)) : null);
    }
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (depth <= 0) break;
  }
  const shape = { fields };
  interfaces.set(file, shape);
  return shape;
}

function resolve(file, from) {
  const base = from.startsWith("@kubernetes-models/apimachinery/")
    ? path.join(machinery, from.slice("@kubernetes-models/apimachinery/".length))
    : path.resolve(path.dirname(file), from.replace(/\.js$/, ""));
  return `${base}.d.ts`;
}

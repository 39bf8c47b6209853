// The subset of kustomize that deploy/k8s uses, rendered without the kustomize binary:
// resources (files and nested kustomizations), configMapGenerator (files, hashed names),
// patches (strategic merge, by path), namespace. Anything else in a kustomization is an error,
// so a manifest never silently renders differently here than under `kubectl kustomize`.
import { createHash } from "node:crypto";
import { readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

const supportedFields = new Set(["apiVersion", "kind", "namespace", "resources", "configMapGenerator", "patches"]);

// Kinds that live outside any namespace, among those this repository could use.
const clusterScoped = new Set(["Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding",
  "PersistentVolume", "StorageClass", "PriorityClass"]);

// Merge keys of the lists that strategic merge patches merge item by item (the rest are replaced).
const mergeKeys = {
  containers: "name", initContainers: "name", env: "name", volumes: "name",
  volumeMounts: "mountPath", imagePullSecrets: "name",
};

export class KustomizeError extends Error {}

/** Reads every YAML document of a file; a syntax error is a KustomizeError naming the file. */
function readYamlDocuments(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const result = [];
  for (const doc of docs) {
    if (doc.errors.length > 0)
      throw new KustomizeError(`${file}: ${doc.errors[0].message.split("\n")[0]}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) result.push(value);
  }
  return result;
}

/**
 * Renders the kustomization in `dir`. Returns the objects, each with a non-enumerable `source`
 * (the file it came from) for messages.
 */
export function render(dir) {
  return build(path.resolve(dir)).objects;
}

function build(dir) {
  const file = path.join(dir, "kustomization.yaml");
  if (!existsSync(file)) throw new KustomizeError(`${dir}: no kustomization.yaml`);
  const [k] = readYamlDocuments(file);
  for (const field of Object.keys(k ?? {}))
    if (!supportedFields.has(field)) throw new KustomizeError(`${file}: field '${field}' is not supported by tools/k8s/kustomize.mjs`);

  const objects = [];
  const renames = new Map(); // "ConfigMap/original-name" -> generated name
  for (const entry of k.resources ?? []) {
    const target = path.resolve(dir, entry);
    if (!existsSync(target)) throw new KustomizeError(`${file}: resource '${entry}' does not exist`);
    if (statSync(target).isDirectory()) {
      const nested = build(target);
      objects.push(...nested.objects);
      for (const [from, to] of nested.renames) renames.set(from, to);
    } else {
      for (const object of readYamlDocuments(target)) objects.push(withSource(object, target));
    }
  }
  for (const generator of k.configMapGenerator ?? []) {
    const configMap = generateConfigMap(dir, file, generator);
    renames.set(`ConfigMap/${generator.name}`, configMap.metadata.name);
    objects.push(configMap);
  }
  for (const patch of k.patches ?? []) applyPatch(dir, file, patch, objects);
  if (k.namespace) {
    for (const object of objects)
      if (!clusterScoped.has(object.kind)) object.metadata.namespace = k.namespace;
  }
  for (const object of objects) renameReferences(object, renames);
  return { objects, renames };
}

function withSource(object, source) {
  Object.defineProperty(object, "source", { value: source, enumerable: false });
  return object;
}

function generateConfigMap(dir, file, generator) {
  const allowed = new Set(["name", "files"]);
  for (const field of Object.keys(generator))
    if (!allowed.has(field)) throw new KustomizeError(`${file}: configMapGenerator field '${field}' is not supported`);
  const data = {};
  for (const entry of generator.files ?? []) {
    const [key, relative] = entry.includes("=") ? entry.split("=", 2) : [path.basename(entry), entry];
    const source = path.resolve(dir, relative);
    if (!existsSync(source)) throw new KustomizeError(`${file}: configMapGenerator file '${relative}' does not exist`);
    data[key] = readFileSync(source, "utf8");
  }
  const name = `${generator.name}-${configMapHash(data)}`;
  return withSource({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data }, file);
}

/**
 * kustomize's name suffix: SHA-256 of Go's JSON of {data, kind, name}, its first 10 hex digits
 * re-lettered. kustomize 5 hashes before it names the object, so the name is empty.
 */
export function configMapHash(data) {
  const json = goJson({ data, kind: "ConfigMap", name: "" });
  const hex = createHash("sha256").update(json, "utf8").digest("hex").slice(0, 10);
  const letters = { 0: "g", 1: "h", 3: "k", a: "m", e: "t" };
  return [...hex].map((c) => letters[c] ?? c).join("");
}

// encoding/json's output: keys sorted, and its own escapes (HTML characters, U+2028/9, \u00XX).
function goJson(value) {
  if (typeof value === "string") return goString(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value).sort().map((key) => `${goString(key)}:${goJson(value[key])}`).join(",")}}`;
  return JSON.stringify(value);
}

function goString(text) {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0);
    if (c === '"') out += '\\"';
    else if (c === "\\") out += "\\\\";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (code < 0x20 || c === "<" || c === ">" || c === "&" || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return out + '"';
}

function applyPatch(dir, file, patch, objects) {
  if (Object.keys(patch).some((field) => field !== "path"))
    throw new KustomizeError(`${file}: only 'path' patches (strategic merge) are supported`);
  const source = path.resolve(dir, patch.path);
  if (!existsSync(source)) throw new KustomizeError(`${file}: patch '${patch.path}' does not exist`);
  for (const change of readYamlDocuments(source)) {
    const target = objects.find((o) => o.kind === change.kind && o.metadata?.name === change.metadata?.name);
    if (!target) throw new KustomizeError(`${source}: patch target ${change.kind}/${change.metadata?.name} is not among the resources`);
    mergeInto(target, change, source);
  }
}

function mergeInto(target, change, source) {
  for (const [key, value] of Object.entries(change)) {
    if (key.startsWith("$")) throw new KustomizeError(`${source}: directive '${key}' is not supported`);
    const current = target[key];
    if (value === null) delete target[key];
    else if (Array.isArray(value) && Array.isArray(current) && mergeKey(key, value)) target[key] = mergeList(current, value, mergeKey(key, value), source);
    else if (isObject(value) && isObject(current)) mergeInto(current, value, source);
    else target[key] = structuredClone(value);
  }
}

// Items with a merge key merge into the item with the same key; new items go first, as kustomize does.
function mergeList(current, change, key, source) {
  const added = [];
  const result = current.map((item) => structuredClone(item));
  for (const item of change) {
    const match = result.find((existing) => existing[key] === item[key]);
    if (match) mergeInto(match, item, source);
    else added.push(structuredClone(item));
  }
  return [...added, ...result];
}

// Container ports merge by containerPort, Service ports by port.
function mergeKey(field, items) {
  if (field === "ports") return items.every((item) => "containerPort" in item) ? "containerPort" : "port";
  return mergeKeys[field];
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Where a pod template names a ConfigMap; generated names replace the names written there.
function renameReferences(object, renames) {
  const pod = object.spec?.template?.spec;
  if (!pod) return;
  const rename = (ref) => {
    if (ref?.name && renames.has(`ConfigMap/${ref.name}`)) ref.name = renames.get(`ConfigMap/${ref.name}`);
  };
  for (const volume of pod.volumes ?? []) {
    rename(volume.configMap);
    for (const projected of volume.projected?.sources ?? []) rename(projected.configMap);
  }
  for (const container of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
    for (const from of container.envFrom ?? []) rename(from.configMapRef);
    for (const variable of container.env ?? []) rename(variable.valueFrom?.configMapKeyRef);
  }
}

// Validates deploy/k8s and the Dockerfile. Prints one line per problem and exits 1 if there is any.
//   node tools/validate-k8s.mjs          (tools/validate-k8s.sh installs the packages first)
// For each kustomization (the base and every overlay): renders it (tools/k8s/kustomize.mjs),
// validates each object against its schema, checks the objects against each other and the
// ConfigMap pipeline-hocon against hocon/. Where kubectl is installed, its own kustomize must
// render the same objects, which keeps the renderer here honest.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parseAllDocuments } from "yaml";
import { consistencyProblems } from "./k8s/consistency.mjs";
import { dockerfileProblems } from "./k8s/dockerfile.mjs";
import { render, KustomizeError } from "./k8s/kustomize.mjs";
import { schemaProblems } from "./k8s/schemas.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const k8s = path.join(repo, "deploy", "k8s");
// Overlays that must run as they are, so every Secret their pods need is among their objects.
const selfContained = new Set(["overlays/local"]);

const problems = [];
const notes = [];
const relative = (file) => path.relative(repo, file);

const hocon = Object.fromEntries(readdirSync(path.join(repo, "hocon"))
  .filter((f) => f.endsWith(".conf")).sort()
  .map((f) => [f, readFileSync(path.join(repo, "hocon", f), "utf8")]));
checkHoconCopies();

const roots = ["base", ...readdirSync(path.join(k8s, "overlays")).map((d) => `overlays/${d}`)]
  .filter((root) => existsSync(path.join(k8s, root, "kustomization.yaml")));
const kubectl = kubectlAvailable();
if (!kubectl) notes.push("kubectl not found: the render was not compared with kustomize's own");

// The ports of the engine container in the base, which the image must expose.
let enginePorts = [];
for (const root of roots) {
  const dir = path.join(k8s, root);
  const label = `deploy/k8s/${root}`;
  let objects;
  try {
    objects = render(dir);
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    problems.push(`${label}: ${error.message.replaceAll(`${repo}/`, "")}`);
    continue;
  }
  for (const object of objects) {
    const where = `${label}: ${object.kind}/${object.metadata?.name}${object.source ? ` (${relative(object.source)})` : ""}`;
    for (const problem of await schemaProblems(object)) problems.push(`${where}: ${problem}`);
  }
  for (const problem of consistencyProblems(objects, { selfContained: selfContained.has(root), hocon }))
    problems.push(`${label}: ${problem}`);
  if (kubectl) compareWithKubectl(dir, label, objects);
  if (root === "base") {
    enginePorts = objects.filter((o) => o.kind === "StatefulSet" && o.metadata.name === "pipeline")
      .flatMap((o) => o.spec?.template?.spec?.containers ?? []).flatMap((c) => c.ports ?? []).map((p) => p.containerPort);
  }
}

for (const problem of dockerfileProblems(path.join(repo, "Dockerfile"), enginePorts)) problems.push(`Dockerfile: ${problem}`);

for (const note of notes) console.log(`note: ${note}`);
for (const problem of problems) console.log(problem);
console.log(problems.length === 0
  ? `validated ${roots.length} kustomizations and the Dockerfile: no problems`
  : `${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);

// The copies that kustomize reads must be hocon/ itself, and the generator must list them all.
function checkHoconCopies() {
  const copies = path.join(k8s, "base", "hocon");
  const fix = "run deploy/k8s/sync-config.sh";
  const present = existsSync(copies) ? readdirSync(copies).filter((f) => f.endsWith(".conf")) : [];
  for (const [file, text] of Object.entries(hocon)) {
    const copy = path.join(copies, file);
    if (!existsSync(copy)) problems.push(`deploy/k8s/base/hocon: lacks ${file} (${fix})`);
    else if (readFileSync(copy, "utf8") !== text) problems.push(`deploy/k8s/base/hocon/${file}: differs from hocon/${file} (${fix})`);
  }
  for (const file of present)
    if (!(file in hocon)) problems.push(`deploy/k8s/base/hocon/${file}: not in hocon/ (${fix})`);
}

function kubectlAvailable() {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function compareWithKubectl(dir, label, objects) {
  let output;
  try {
    output = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    problems.push(`${label}: kubectl kustomize fails: ${String(error.stderr).trim().split("\n")[0]}`);
    return;
  }
  const key = (o) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;
  const theirs = new Map(parseAllDocuments(output).map((d) => d.toJS()).map((o) => [key(o), o]));
  const ours = new Map(objects.map((o) => [key(o), JSON.parse(JSON.stringify(o))]));
  for (const id of new Set([...theirs.keys(), ...ours.keys()])) {
    if (!ours.has(id)) problems.push(`${label}: kubectl kustomize renders ${id}, tools/k8s/kustomize.mjs does not`);
    else if (!theirs.has(id)) problems.push(`${label}: tools/k8s/kustomize.mjs renders ${id}, kubectl kustomize does not`);
    else if (!isDeepStrictEqual(ours.get(id), theirs.get(id)))
      problems.push(`${label}: ${id} renders differently under kubectl kustomize and tools/k8s/kustomize.mjs`);
  }
}
